using System.Text.RegularExpressions;

namespace PeerLink.Grains.Safety;

/// <summary>One language's rules, compiled once, and how a normalised message is judged against them.</summary>
internal sealed class CrisisRuleSet
{
    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.IgnoreCase;
    private const string Punctuation = "[.,;:!?()]";

    private readonly string _language;
    // Arrays, so the loops every message runs through enumerate without allocating.
    private readonly (string Name, Regex Pattern)[] _high;
    private readonly (string Name, Regex Pattern)[] _concern;
    private readonly Regex? _negations;
    private readonly Regex? _figuresOfSpeech;
    private readonly Regex? _pastCues;
    private readonly Regex _clauseBreaks;
    private readonly int _negationWindow;

    private CrisisRuleSet(string language, CrisisLanguageRules rules, TimeSpan timeout, bool compiled, ICollection<string> errors)
    {
        var options = compiled ? Options | RegexOptions.Compiled : Options;
        var path = $"{CrisisOptions.SectionName}:Languages:{language}";
        Regex? OneOf(string key, IEnumerable<KeyValuePair<string, string>> patterns)
        {
            var list = patterns.Where(p => Check($"{path}:{key}:{p.Key}", p.Value, timeout, errors)).Select(p => p.Value).ToList();
            return list.Count == 0 ? null : Create($"(?:{string.Join(")|(?:", list)})", options, timeout);
        }

        Regex? Whole(string key, List<string> patterns) =>
            OneOf(key, patterns.Select((pattern, i) => KeyValuePair.Create($"{i}", pattern)));

        (string, Regex)[] Named(string key, Dictionary<string, string> patterns) =>
            [.. patterns.Where(r => Check($"{path}:{key}:{r.Key}", r.Value, timeout, errors)).Select(r => (r.Key, Create(r.Value, options, timeout)))];

        _language = language;
        _high = Named(nameof(rules.High), rules.High);
        _concern = Named(nameof(rules.Concern), rules.Concern);
        _negations = Whole(nameof(rules.Negations), rules.Negations);
        _figuresOfSpeech = OneOf(nameof(rules.FiguresOfSpeech), rules.FiguresOfSpeech);
        _pastCues = Whole(nameof(rules.PastCues), rules.PastCues);
        var clauseWords = Whole(nameof(rules.ClauseBreaks), rules.ClauseBreaks);
        _clauseBreaks = new Regex(clauseWords is null ? Punctuation : $"{Punctuation}|{clauseWords.ToString()}", options, timeout);
        _negationWindow = rules.NegationWindow;
        if (rules.NegationWindow is < 0 or > 12)
        {
            errors.Add($"{path}:NegationWindow must be 0 to 12 words.");
        }
    }

    public bool HasHighRules => _high.Length > 0;

    /// <summary>
    /// Runs every pattern until it has run once within its time limit. The first run of a compiled pattern
    /// includes jitting it, which on a busy machine can exceed the limit; a real message meeting that would
    /// have the pattern skipped, and a crisis could go unseen.
    /// </summary>
    public void Warm(string sample)
    {
        const int Attempts = 5;
        foreach (var pattern in _high.Concat(_concern).Select(r => r.Pattern).Append(_clauseBreaks).Concat(new[] { _negations, _figuresOfSpeech, _pastCues }.OfType<Regex>()))
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    pattern.IsMatch(sample);
                    break;
                }
                catch (RegexMatchTimeoutException) when (attempt < Attempts)
                {
                    // Jitted now; the next run measures the pattern alone.
                }
            }
        }
    }

    /// <summary>Compiles the rules, adding a message to <paramref name="errors"/> for each bad one (which is left out).</summary>
    public static CrisisRuleSet Compile(string language, CrisisLanguageRules rules, TimeSpan timeout, bool compiled, ICollection<string> errors) =>
        new(language, rules, timeout, compiled, errors);

    public CrisisAssessment Assess(string normalised)
    {
        CrisisAssessment? inThePast = null;
        foreach (var (name, pattern) in _high)
        {
            foreach (var match in Occurrences(pattern, normalised))
            {
                var (start, end) = Clause(normalised, match);
                if (IsPast(normalised[start..end]))
                {
                    inThePast ??= new CrisisAssessment(RiskLevel.Concern, $"{_language}:high:{name}+past");
                    continue;
                }

                return new CrisisAssessment(RiskLevel.High, $"{_language}:high:{name}");
            }
        }

        if (inThePast is not null)
        {
            return inThePast;
        }

        foreach (var (name, pattern) in _concern)
        {
            if (Occurrences(pattern, normalised).Any())
            {
                return new CrisisAssessment(RiskLevel.Concern, $"{_language}:concern:{name}");
            }
        }

        return CrisisAssessment.None;
    }

    /// <summary>Matches that are neither negated nor part of a figure of speech. A pattern that times out matches nothing.</summary>
    private IEnumerable<Match> Occurrences(Regex pattern, string text)
    {
        try
        {
            // Most messages match no rule: IsMatch settles those without building match lists (measured: 49 µs
            // and 15 KB a message when every rule built one), and without the closure the checks below need.
            if (!pattern.IsMatch(text))
            {
                return [];
            }
        }
        catch (RegexMatchTimeoutException)
        {
            return [];
        }

        return Confirmed(pattern, text);
    }

    private IEnumerable<Match> Confirmed(Regex pattern, string text)
    {
        List<Match> matches;
        try
        {
            matches = [.. pattern.Matches(text).Cast<Match>()];
        }
        catch (RegexMatchTimeoutException)
        {
            return [];
        }

        return matches.Where(m => !IsFigureOfSpeech(text, m) && !IsNegated(text, m));
    }

    private bool IsFigureOfSpeech(string text, Match match) =>
        _figuresOfSpeech is not null && Try(() => _figuresOfSpeech.Matches(text).Any(f => f.Index < match.Index + match.Length && match.Index < f.Index + f.Length));

    private bool IsNegated(string text, Match match)
    {
        if (_negations is null || _negationWindow == 0)
        {
            return false;
        }

        var (start, _) = Clause(text, match);
        var window = string.Join(' ', text[start..match.Index].Split(' ', StringSplitOptions.RemoveEmptyEntries).TakeLast(_negationWindow));
        return Try(() => _negations.IsMatch(window));
    }

    private bool IsPast(string clause) => _pastCues is not null && Try(() => _pastCues.IsMatch(clause));

    /// <summary>Where the clause holding the match starts and ends.</summary>
    private (int Start, int End) Clause(string text, Match match)
    {
        var breaks = Try(() => _clauseBreaks.Matches(text).ToList()) ?? [];
        var start = breaks.LastOrDefault(b => b.Index + b.Length <= match.Index) is { } before ? before.Index + before.Length : 0;
        var end = breaks.FirstOrDefault(b => b.Index >= match.Index + match.Length) is { } after ? after.Index : text.Length;
        return (start, end);
    }

    /// <summary>A cue that times out counts as absent, so the message is judged on its rule matches alone.</summary>
    private static T? Try<T>(Func<T> match)
    {
        try
        {
            return match();
        }
        catch (RegexMatchTimeoutException)
        {
            return default;
        }
    }

    private static Regex Create(string pattern, RegexOptions options, TimeSpan timeout) =>
        new($@"(?<!\w)(?:{pattern})(?!\w)", options, timeout);

    private static bool Check(string key, string pattern, TimeSpan timeout, ICollection<string> errors)
    {
        if (string.IsNullOrWhiteSpace(pattern))
        {
            errors.Add($"{key} is empty.");
            return false;
        }

        try
        {
            _ = Create(pattern, Options, timeout);
            return true;
        }
        catch (ArgumentException e)
        {
            errors.Add($"{key} is not a valid regular expression: {e.Message}");
            return false;
        }
    }
}
