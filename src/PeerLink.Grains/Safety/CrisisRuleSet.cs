using System.Text;
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
    // Every rule in one pattern; see MayMatchAnyRule. Null when a rule refers to its own groups.
    private readonly Regex? _anyRule;
    private readonly Regex? _negations;
    private readonly Regex? _figuresOfSpeech;
    private readonly Regex? _pastCues;
    private readonly Regex _clauseBreaks;
    private readonly int _negationWindow;

    // A back-reference (\1, \k<name>) or a group conditional counts groups within its own rule; joined with
    // other rules, the numbers would point at someone else's group.
    private static readonly Regex GroupReference = new(@"(?<!\\)(?:\\\\)*\\(?:[1-9]|k[<'{])|\(\?\(", RegexOptions.CultureInvariant);

    private CrisisRuleSet(string language, CrisisLanguageRules rules, TimeSpan timeout, bool compiled, ICollection<string> errors, bool joinRules = true)
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

        KeyValuePair<string, string>[] Valid(string key, Dictionary<string, string> patterns) =>
            [.. patterns.Where(r => Check($"{path}:{key}:{r.Key}", r.Value, timeout, errors))];

        _language = language;
        var high = Valid(nameof(rules.High), rules.High);
        var concern = Valid(nameof(rules.Concern), rules.Concern);
        _high = [.. high.Select(r => (r.Key, Create(r.Value, options, timeout)))];
        _concern = [.. concern.Select(r => (r.Key, Create(r.Value, options, timeout)))];
        var sources = high.Concat(concern).Select(r => r.Value).ToList();
        if (joinRules && sources.Count > 1 && !sources.Any(GroupReference.IsMatch))
        {
            _anyRule = AnyOf(sources, timeout);
        }

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

    /// <summary>Whether a message no rule matches is settled in one pass (see <see cref="MayMatchAnyRule"/>).</summary>
    public bool JoinsRules => _anyRule is not null;

    /// <summary>
    /// Runs every pattern until it has run once within its time limit. The first run of a compiled pattern
    /// includes jitting it, which on a busy machine can exceed the limit; a real message meeting that would
    /// have the pattern skipped, and a crisis could go unseen.
    /// </summary>
    public void Warm(string sample)
    {
        const int Attempts = 5;
        foreach (var pattern in _high.Concat(_concern).Select(r => r.Pattern).Append(_clauseBreaks).Concat(new[] { _anyRule, _negations, _figuresOfSpeech, _pastCues }.OfType<Regex>()))
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
    /// <param name="joinRules">False keeps the rules apart even on the no-match path: the benchmark's and the tests' baseline.</param>
    public static CrisisRuleSet Compile(string language, CrisisLanguageRules rules, TimeSpan timeout, bool compiled, ICollection<string> errors, bool joinRules = true) =>
        new(language, rules, timeout, compiled, errors, joinRules);

    public CrisisAssessment Assess(string normalised)
    {
        if (!MayMatchAnyRule(normalised))
        {
            return CrisisAssessment.None;
        }

        CrisisAssessment? inThePast = null;
        CrisisAssessment? undecided = null;
        foreach (var (name, pattern) in _high)
        {
            var matches = Occurrences(pattern, normalised);
            if (matches is null)
            {
                // A rule that could not be run is not a rule that did not match: a moderator is shown the message.
                undecided ??= new CrisisAssessment(RiskLevel.Concern, $"{_language}:high:{name}+timeout");
                continue;
            }

            foreach (var match in matches)
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

        if ((inThePast ?? undecided) is { } concern)
        {
            return concern;
        }

        foreach (var (name, pattern) in _concern)
        {
            switch (Occurrences(pattern, normalised))
            {
                case null:
                    return new CrisisAssessment(RiskLevel.Concern, $"{_language}:concern:{name}+timeout");
                case { Count: > 0 }:
                    return new CrisisAssessment(RiskLevel.Concern, $"{_language}:concern:{name}");
            }
        }

        return CrisisAssessment.None;
    }

    /// <summary>
    /// False only when no rule can match. Most messages match none, and one pass of the joined pattern over the text
    /// settles that instead of one pass per rule. A timeout answers true, so the rules then run one by one, each
    /// under its own limit: the shortcut can never be why a crisis goes unseen.
    /// </summary>
    private bool MayMatchAnyRule(string text)
    {
        if (_anyRule is null)
        {
            return true;
        }

        try
        {
            return _anyRule.IsMatch(text);
        }
        catch (RegexMatchTimeoutException)
        {
            return true;
        }
    }

    /// <summary>
    /// Matches that are neither negated nor part of a figure of speech; null when the pattern timed out on both of
    /// its tries, which <see cref="Assess"/> must not read as "no risk". A stalled machine (a thread preempted past
    /// the limit, seen on CI) times out a pattern that would have matched; the second try, after the stall, settles it.
    /// </summary>
    private IReadOnlyList<Match>? Occurrences(Regex pattern, string text)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                // Most messages match no rule: IsMatch settles those without building match lists (measured: 49 µs
                // and 15 KB a message when every rule built one), and without the closure the checks below need.
                if (!pattern.IsMatch(text))
                {
                    return [];
                }

                return [.. pattern.Matches(text).Where(m => !IsFigureOfSpeech(text, m) && !IsNegated(text, m))];
            }
            catch (RegexMatchTimeoutException) when (attempt < 2)
            {
                // Once more: a stall passes, a pattern that is truly too slow for this text times out again.
            }
            catch (RegexMatchTimeoutException)
            {
                return null;
            }
        }
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

    /// <summary>
    /// Every rule in one pattern, without its word-boundary checks and lookarounds, so it matches wherever any rule
    /// could (and a little more). Run by the non-backtracking engine: the backtracking one tries each alternative at
    /// each position, which measured seven times slower than the rules one by one. Null when a rule uses what that
    /// engine lacks, such as an atomic group.
    /// </summary>
    private static Regex? AnyOf(List<string> patterns, TimeSpan timeout)
    {
        try
        {
            return new Regex($"(?:{string.Join(")|(?:", patterns.Select(WithoutLookarounds))})", Options | RegexOptions.NonBacktracking, timeout);
        }
        catch (Exception e) when (e is NotSupportedException or ArgumentException)
        {
            return null;
        }
    }

    /// <summary>
    /// The pattern with every lookahead and lookbehind replaced by an empty group, which always matches. An
    /// assertion only ever narrows where a pattern matches, so without it the pattern matches at least everywhere
    /// it did; the empty group keeps a quantifier after an assertion applying to nothing, as it did.
    /// </summary>
    internal static string WithoutLookarounds(string pattern)
    {
        var kept = new StringBuilder(pattern.Length);
        for (var i = 0; i < pattern.Length; i++)
        {
            var end = pattern[i] switch
            {
                '\\' => Math.Min(i + 1, pattern.Length - 1),
                '[' => ClassEnd(pattern, i),
                '(' when IsLookaround(pattern, i) => GroupEnd(pattern, i),
                _ => i,
            };
            if (pattern[i] == '(' && IsLookaround(pattern, i))
            {
                kept.Append("(?:)");
            }
            else
            {
                kept.Append(pattern, i, end - i + 1);
            }

            i = end;
        }

        return kept.ToString();
    }

    private static bool IsLookaround(string pattern, int open) =>
        pattern.AsSpan(open).StartsWith("(?=") || pattern.AsSpan(open).StartsWith("(?!")
        || pattern.AsSpan(open).StartsWith("(?<=") || pattern.AsSpan(open).StartsWith("(?<!");

    /// <summary>Where the character class opened at <paramref name="open"/> closes (a ']' first in it is a member).</summary>
    private static int ClassEnd(string pattern, int open)
    {
        var i = open + 1;
        if (i < pattern.Length && pattern[i] == '^')
        {
            i++;
        }

        if (i < pattern.Length && pattern[i] == ']')
        {
            i++;
        }

        for (; i < pattern.Length; i++)
        {
            if (pattern[i] == '\\')
            {
                i++;
            }
            else if (pattern[i] == ']')
            {
                return i;
            }
        }

        return pattern.Length - 1;
    }

    /// <summary>Where the group opened at <paramref name="open"/> closes.</summary>
    private static int GroupEnd(string pattern, int open)
    {
        var depth = 0;
        for (var i = open; i < pattern.Length; i++)
        {
            switch (pattern[i])
            {
                case '\\':
                    i++;
                    break;
                case '[':
                    i = ClassEnd(pattern, i);
                    break;
                case '(':
                    depth++;
                    break;
                case ')' when --depth == 0:
                    return i;
            }
        }

        return pattern.Length - 1;
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
