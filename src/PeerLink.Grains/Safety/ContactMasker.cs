using System.Text;
using System.Text.RegularExpressions;

namespace PeerLink.Grains.Safety;

/// <summary>Masks phone numbers and email addresses in free text before it is stored or shown, so no contact details are exchanged.</summary>
public static class ContactMasker
{
    public const string EmailMask = "[email removed]";
    public const string PhoneMask = "[phone removed]";

    private const RegexOptions Options = RegexOptions.Compiled | RegexOptions.CultureInvariant | RegexOptions.IgnoreCase;
    private static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(250);

    private const string Local = @"(?:""[^""\r\n@]{1,64}""|[\p{L}\p{N}_%+-][\p{L}\p{N}._%+-]{0,63})";
    private const string Label = @"[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?";
    private const string Before = @"(?<![\p{L}\p{N}._%+-])";
    private const string After = @"(?![\p{L}\p{N}_-])";

    // Spelled-out or spaced addresses must end in a top-level domain people use, or "at home dot dot dot" would go.
    private const string CommonTld = "(?:com|net|org|edu|gov|info|io|co|uk|de|es|fr|it|nl|be|ch|at|se|no|dk|fi|pl|pt|ie|eu|us|ca|au|nz|jp|in|br|mx|ar|cl|ru|cn|me|biz|app|dev|xyz|online|email|mail)";
    // "@" and "." in words, in the languages PeerLink matches in.
    private const string AtWords = "(?:at|arroba|arobase|małpa|malpa|собака)";
    private const string DotWords = "(?:dot|punto|point|punkt|ponto|kropka|крапка)";
    private const string SpelledAt = $@"(?:[ \t]*[(\[{{<][ \t]*{AtWords}[ \t]*[)\]}}>][ \t]*|[ \t]+{AtWords}[ \t]+)";
    private const string SpelledDot = $@"(?:[ \t]*[(\[{{<][ \t]*{DotWords}[ \t]*[)\]}}>][ \t]*|[ \t]+{DotWords}[ \t]+|\.)";
    private const string SpacedDot = @"[ \t]{0,3}\.[ \t]{0,3}";

    /// <summary>
    /// An address with "@" in it, read from the <see cref="ContactSkeleton"/>: spaced ("jo @ example . com") or
    /// written plainly, where the domain may be a bracketed IP, an international name or a bare host
    /// ("jo@localhost"), the local part quoted, and "@" percent-encoded.
    /// </summary>
    private static readonly Regex EmailWithAt = new(
        $@"{Before}(?:{Local}[ \t]{{0,3}}(?:@|%40)[ \t]{{0,3}}{Label}(?:{SpacedDot}{Label})*{SpacedDot}{CommonTld}"
        + $@"|{Local}(?:@|%40)(?:\[\d{{1,3}}(?:\.\d{{1,3}}){{3}}\]|(?=[\p{{N}}-]*\p{{L}}){Label}(?:\.{Label})*)){After}",
        Options, Timeout);

    /// <summary>An address with "at" spelled out or in brackets: "jo (at) example dot com", "ana arroba example punto es".</summary>
    private static readonly Regex EmailSpelled = new(
        $@"{Before}{Local}{SpelledAt}{Label}(?:{SpelledDot}{Label})*{SpelledDot}{CommonTld}{After}",
        Options, Timeout);

    /// <summary>Whether a spelled address can be in the text at all: most messages hold no "at" as a word in any of PeerLink's languages.</summary>
    private static readonly Regex AtWord = new($@"(?<!\p{{L}}){AtWords}(?!\p{{L}})", Options, Timeout);

    /// <summary>
    /// A run of 7 to 15 digits, optionally after "+", with spaces (up to three), dots, dashes, slashes or brackets
    /// between them. Read from the skeleton, so the digits may be any script's, full-width or spelled out.
    /// </summary>
    private static readonly Regex PhoneCandidate = new(
        @"(?<![\w+£$€¥.,])\+?\(?\d(?:(?:[ \t]{1,3}|[ \t]?[.\-/][ \t]?|\)[ \t]?|[ \t]?\()?\d){6,14}(?![\w%]|[.,]\d)",
        Options, Timeout);

    /// <summary>Number shapes that are not phone numbers: dates, year ranges, decimals, thousands, and amounts of money.</summary>
    private static readonly Regex NotAPhone = new(
        @"^(?:\d{4}[-./]\d{1,2}[-./]\d{1,2}|\d{1,2}[-./]\d{1,2}[-./]\d{2,4}|\d{1,2} \d{1,2} (?:19|20)\d\d|(?:19|20)\d\d ?- ?(?:19|20)\d\d|\d+\.\d+|\d{1,3}(?:\.\d{3}){2,})$",
        Options, Timeout);

    private static readonly Regex Money = new(@"\s*(?:euros?|dollars?|pounds?|eur|usd|gbp|quid|bucks)\b", Options, Timeout);

    /// <summary>
    /// The text with each email address replaced by <see cref="EmailMask"/> and each phone number by <see cref="PhoneMask"/>,
    /// in whatever form they were typed. A text too tangled to finish within the time limit twice is refused rather
    /// than stored unmasked; the second try is there because a stalled machine, not the text, is the usual reason
    /// for a first timeout.
    /// </summary>
    public static string Mask(string text)
    {
        var found = Find(text);
        if (found.Count == 0)
        {
            return text;
        }

        var masked = new StringBuilder(text.Length);
        var at = 0;
        foreach (var (start, end, mask) in found.OrderBy(f => f.Start))
        {
            masked.Append(text, at, start - at).Append(mask);
            at = end;
        }

        return masked.Append(text, at, text.Length - at).ToString();
    }

    /// <summary>Whether the text holds a phone number or an email address in any form <see cref="Mask"/> would mask.</summary>
    public static bool HoldsContact(string text) => Find(text).Count > 0;

    private static List<(int Start, int End, string Mask)> Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return FindOnce(text);
            }
            catch (RegexMatchTimeoutException) when (attempt < 2)
            {
                // Once more: a stall passes, a text that is truly too tangled times out again.
            }
            catch (RegexMatchTimeoutException)
            {
                throw new RuleViolationException("message-unmaskable", "This text could not be checked for contact details; please shorten it and send it again.");
            }
        }
    }

    private static List<(int Start, int End, string Mask)> FindOnce(string text)
    {
        var found = new List<(int Start, int End, string Mask)>();
        var skeleton = ContactSkeleton.IsNeeded(text) ? ContactSkeleton.Of(text) : null;
        var read = skeleton?.Text ?? text;
        (int Start, int End) InText(Match m) => skeleton?.Original(m.Index, m.Index + m.Length) ?? (m.Index, m.Index + m.Length);

        // Most messages hold neither "@" nor a spelled "at": settle those without the address patterns.
        if (read.Contains('@') || read.Contains("%40", StringComparison.Ordinal))
        {
            foreach (Match email in EmailWithAt.Matches(read))
            {
                var (start, end) = InText(email);
                found.Add((start, end, EmailMask));
            }
        }

        if (AtWord.IsMatch(read))
        {
            foreach (Match email in EmailSpelled.Matches(read))
            {
                var (start, end) = InText(email);
                if (!found.Any(f => f.Start < end && start < f.End))
                {
                    found.Add((start, end, EmailMask));
                }
            }
        }

        // Most messages hold no digit: settle those without the phone patterns.
        if (read.AsSpan().ContainsAnyInRange('0', '9'))
        {
            foreach (Match candidate in PhoneCandidate.Matches(read))
            {
                var (start, end) = InText(candidate);
                if (IsPhone(read, candidate) && !found.Any(f => f.Start < end && start < f.End))
                {
                    found.Add((start, end, PhoneMask));
                }
            }
        }

        return found;
    }

    private static bool IsPhone(string text, Match candidate) =>
        !NotAPhone.IsMatch(candidate.Value) && !FollowedByMoney(text, candidate);

    private static bool FollowedByMoney(string text, Match candidate)
    {
        var after = Money.Match(text, candidate.Index + candidate.Length);
        return after.Success && after.Index == candidate.Index + candidate.Length;
    }
}
