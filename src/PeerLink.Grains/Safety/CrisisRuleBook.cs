namespace PeerLink.Grains.Safety;

/// <summary>Every language's compiled rules, and which language backs up the rest.</summary>
internal sealed class CrisisRuleBook
{
    private readonly Dictionary<string, CrisisRuleSet> _languages;

    private CrisisRuleBook(string fallbackLanguage, Dictionary<string, CrisisRuleSet> languages)
    {
        FallbackLanguage = fallbackLanguage;
        _languages = languages;
    }

    public string FallbackLanguage { get; }

    /// <summary>Compiles every language, adding a message to <paramref name="errors"/> for each problem found.</summary>
    /// <param name="joinRules">See <see cref="CrisisRuleSet.Compile"/>.</param>
    public static CrisisRuleBook Compile(CrisisOptions options, bool compiled, ICollection<string> errors, bool joinRules = true)
    {
        var timeout = options.MatchTimeout;
        if (timeout <= TimeSpan.Zero || timeout > TimeSpan.FromSeconds(2))
        {
            errors.Add($"{CrisisOptions.SectionName}:MatchTimeout must be more than zero and at most 2 seconds.");
            timeout = TimeSpan.FromMilliseconds(100);
        }

        var languages = new Dictionary<string, CrisisRuleSet>(StringComparer.OrdinalIgnoreCase);
        foreach (var (language, rules) in options.Languages)
        {
            if (language.Length is < 2 or > 8 || !language.All(char.IsAsciiLetterLower))
            {
                errors.Add($"{CrisisOptions.SectionName}:Languages:{language} is not a lower-case language code such as \"en\".");
            }

            languages[language] = CrisisRuleSet.Compile(language, rules, timeout, compiled, errors, joinRules);
        }

        var fallback = CrisisOptions.LanguageOf(options.FallbackLanguage);
        if (!languages.TryGetValue(fallback, out var fallbackRules) || !fallbackRules.HasHighRules)
        {
            errors.Add($"{CrisisOptions.SectionName}:FallbackLanguage '{options.FallbackLanguage}' needs rules with at least one High pattern under {CrisisOptions.SectionName}:Languages. Is safety.json loaded?");
        }

        return new CrisisRuleBook(fallback, languages);
    }

    public void Warm(string sample)
    {
        foreach (var rules in _languages.Values)
        {
            rules.Warm(sample);
        }
    }

    /// <summary>The language's own rules (if it has any) and the fallback language's, most serious first.</summary>
    public IEnumerable<CrisisRuleSet> For(string language)
    {
        if (language != FallbackLanguage && _languages.TryGetValue(language, out var own))
        {
            yield return own;
        }

        if (_languages.TryGetValue(FallbackLanguage, out var fallback))
        {
            yield return fallback;
        }
    }
}
