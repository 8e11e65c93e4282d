namespace PeerLink.Grains.Safety;

/// <summary>
/// One language's crisis rules, bound from "PeerLink:Safety:Languages:{code}". Every pattern is a .NET regular
/// expression matched against normalised text: lower case, no accents, no apostrophes ("dont", "im"), single
/// spaces. A plain phrase is a valid pattern. Patterns match whole words only.
/// </summary>
public sealed class CrisisLanguageRules
{
    /// <summary>Rule name to pattern for risk to the writer's life now.</summary>
    public Dictionary<string, string> High { get; set; } = [];

    /// <summary>Rule name to pattern for concern: hopelessness, past self-harm, someone else at risk.</summary>
    public Dictionary<string, string> Concern { get; set; } = [];

    /// <summary>Negation cues ("never", "no intention of"). A match with a cue shortly before it in the same clause does not count.</summary>
    public List<string> Negations { get; set; } = [];

    /// <summary>Words that start a new clause ("but"), besides punctuation. Negation and past cues do not reach across clauses.</summary>
    public List<string> ClauseBreaks { get; set; } = [];

    /// <summary>How many words before a match are searched for a negation cue.</summary>
    public int NegationWindow { get; set; } = 4;

    /// <summary>Name to pattern for idioms and figures of speech ("dying to see"). A match that overlaps one does not count.</summary>
    public Dictionary<string, string> FiguresOfSpeech { get; set; } = [];

    /// <summary>Past-time cues ("years ago", "used to"). A high match with one in the same clause counts as concern.</summary>
    public List<string> PastCues { get; set; } = [];
}
