using Microsoft.Extensions.Options;

namespace PeerLink.Grains.Safety;

/// <summary>Refuses to start with a bad pattern, a fallback language without rules, or a crisis resource nobody can reach.</summary>
internal sealed class CrisisOptionsValidator : IValidateOptions<CrisisOptions>
{
    public ValidateOptionsResult Validate(string? name, CrisisOptions options)
    {
        var errors = new List<string>();
        // The joined pattern is a shortcut the detector builds for itself; a rule it cannot join is no error.
        CrisisRuleBook.Compile(options, compiled: false, errors, joinRules: false);
        foreach (var (locale, resources) in options.Resources)
        {
            var path = $"{CrisisOptions.SectionName}:Resources:{locale}";
            foreach (var (resource, i) in resources.Select((r, i) => (r, i)))
            {
                if (string.IsNullOrWhiteSpace(resource.Name))
                {
                    errors.Add($"{path}:{i}:Name is required.");
                }

                if (string.IsNullOrWhiteSpace(resource.Phone) && string.IsNullOrWhiteSpace(resource.Text) && string.IsNullOrWhiteSpace(resource.Url))
                {
                    errors.Add($"{path}:{i} needs a Phone, Text or Url.");
                }

                if (resource.Url is { } url && !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"))
                {
                    errors.Add($"{path}:{i}:Url '{url}' is not an absolute http(s) address.");
                }
            }
        }

        if (options.ResourcesFor(options.FallbackLanguage).Count == 0)
        {
            errors.Add($"{CrisisOptions.SectionName}:Resources needs crisis resources for the fallback language '{options.FallbackLanguage}'.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
