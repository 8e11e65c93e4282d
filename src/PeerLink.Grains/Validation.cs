using PeerLink.Grains.Identities;
using PeerLink.Grains.Matching;

namespace PeerLink.Grains;

/// <summary>The domain's input rules, in one place. Each failure is a <see cref="RuleViolationException"/> that says why.</summary>
public static class Validation
{
    public const int MaxIdentities = 8;
    public const int MaxTopicLength = 200;
    public const int MaxMessageLength = 4000;

    public static string Pseudonym(string? pseudonym)
    {
        var trimmed = pseudonym?.Trim() ?? string.Empty;
        if (trimmed.Length is < 2 or > 32 || trimmed.Any(char.IsControl))
        {
            throw new RuleViolationException("pseudonym-invalid", "A pseudonym is 2 to 32 characters on one line.");
        }

        return trimmed;
    }

    public static IReadOnlyList<string> Identities(IReadOnlyList<string>? identities, IReadOnlyList<Identity> catalog, bool allowEmpty)
    {
        if (identities is null || (!allowEmpty && identities.Count == 0))
        {
            throw new RuleViolationException("identities-required", "Choose at least one identity, most important first.");
        }

        if (identities.Count > MaxIdentities)
        {
            throw new RuleViolationException("identities-too-many", $"Choose at most {MaxIdentities} identities.");
        }

        if (identities.Distinct(StringComparer.Ordinal).Count() != identities.Count)
        {
            throw new RuleViolationException("identities-repeated", "Each identity can be chosen once.");
        }

        var unknown = identities.Where(id => catalog.All(i => i.Id != id)).ToList();
        if (unknown.Count > 0)
        {
            throw new RuleViolationException("identity-unknown", $"Unknown identities: {string.Join(", ", unknown)}.");
        }

        return identities;
    }

    public static string Language(string? language, MatchingOptions options)
    {
        if (language is null || !options.Languages.Contains(language, StringComparer.Ordinal))
        {
            throw new RuleViolationException("language-unsupported", $"Language '{language}' is not supported. Supported: {string.Join(", ", options.Languages)}.");
        }

        return language;
    }

    public static IReadOnlyList<string> Languages(IReadOnlyList<string>? languages, MatchingOptions options)
    {
        var list = languages ?? [];
        foreach (var language in list)
        {
            Language(language, options);
        }

        return [.. list.Distinct(StringComparer.Ordinal)];
    }

    public static string TimeZone(string? timeZone)
    {
        if (string.IsNullOrWhiteSpace(timeZone) || !TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out _))
        {
            throw new RuleViolationException("time-zone-unknown", $"Time zone '{timeZone}' is not known; use an IANA name such as \"Europe/London\".");
        }

        return timeZone;
    }

    public static string? Topic(string? topic) =>
        OptionalLine(topic, MaxTopicLength, "topic-invalid", $"What's on your mind is one line of at most {MaxTopicLength} characters.");

    /// <summary>One line of text, trimmed, of at most <paramref name="max"/> characters; null when blank.</summary>
    public static string? OptionalLine(string? text, int max, string code, string message)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var trimmed = text.Trim();
        return trimmed.Length <= max && !trimmed.Any(char.IsControl)
            ? trimmed
            : throw new RuleViolationException(code, message);
    }

    /// <summary>A message is text of 1 to 4,000 characters; line breaks and tabs are fine, other control characters are not.</summary>
    public static string MessageText(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new RuleViolationException("message-empty", "A message needs some text.");
        }

        if (text.Length > MaxMessageLength)
        {
            throw new RuleViolationException("message-too-long", $"A message is at most {MaxMessageLength} characters; this one has {text.Length}.");
        }

        if (text.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')))
        {
            throw new RuleViolationException("message-invalid", "A message cannot contain control characters.");
        }

        return text;
    }
}
