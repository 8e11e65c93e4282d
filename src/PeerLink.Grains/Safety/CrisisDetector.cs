using Microsoft.Extensions.Options;

namespace PeerLink.Grains.Safety;

/// <summary>Judges messages against the configured crisis rules, compiled once when it is created.</summary>
public sealed class CrisisDetector : ICrisisDetector
{
    private readonly CrisisRuleBook _rules;

    public CrisisDetector(IOptions<CrisisOptions> options)
        : this(options.Value, joinRules: true)
    {
    }

    /// <param name="joinRules">False judges each rule on its own even when nothing matches: the baseline that the
    /// joined shortcut is tested and benchmarked against.</param>
    internal CrisisDetector(CrisisOptions options, bool joinRules)
    {
        var errors = new List<string>();
        _rules = CrisisRuleBook.Compile(options, compiled: true, errors, joinRules);
        if (errors.Count > 0)
        {
            throw new OptionsValidationException(CrisisOptions.SectionName, typeof(CrisisOptions), errors);
        }
    }

    /// <summary>Runs every rule once; see <see cref="CrisisDetectorWarmup"/>.</summary>
    internal void Warm() => _rules.Warm("warming up the rules before the first message");

    public CrisisAssessment Assess(string text, string? language)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (string.IsNullOrWhiteSpace(text))
        {
            return CrisisAssessment.None;
        }

        var normalised = SafetyText.Normalise(text);
        var worst = CrisisAssessment.None;
        foreach (var rules in _rules.For(CrisisOptions.LanguageOf(language)))
        {
            var assessment = rules.Assess(normalised);
            if (assessment.Level > worst.Level)
            {
                worst = assessment;
            }
        }

        return worst;
    }
}
