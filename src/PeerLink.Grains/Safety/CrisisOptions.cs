namespace PeerLink.Grains.Safety;

/// <summary>Crisis detection rules and crisis resources, bound from "PeerLink:Safety" (the web host's safety.json).</summary>
public sealed class CrisisOptions
{
    public const string SectionName = "PeerLink:Safety";

    /// <summary>Whose rules also apply to every message, and alone to a language without rules.</summary>
    public string FallbackLanguage { get; set; } = "en";

    /// <summary>Longest one pattern may take on one message; a pattern that takes longer is skipped for that message.</summary>
    public TimeSpan MatchTimeout { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Rules per language code ("en", "es").</summary>
    public Dictionary<string, CrisisLanguageRules> Languages { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Crisis resources per locale ("en-GB") or language ("en").</summary>
    public Dictionary<string, List<CrisisResource>> Resources { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The resources for a locale: its own, else its language's, else the fallback language's.</summary>
    public IReadOnlyList<CrisisResource> ResourcesFor(string? locale)
    {
        var language = LanguageOf(locale);
        foreach (var key in new[] { locale ?? string.Empty, language, FallbackLanguage })
        {
            if (Resources.TryGetValue(key, out var resources) && resources.Count > 0)
            {
                return resources;
            }
        }

        return [];
    }

    /// <summary>"es-MX" and "ES_mx" are "es".</summary>
    public static string LanguageOf(string? locale) =>
        (locale ?? string.Empty).Split(['-', '_'])[0].Trim().ToLowerInvariant();
}
