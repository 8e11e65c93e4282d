using System.Text.RegularExpressions;

namespace PeerLink.Grains.Safety;

/// <summary>Masks phone numbers and email addresses in a message before it is stored, so no contact details are exchanged.</summary>
public static class ContactMasker
{
    public const string EmailMask = "[email removed]";
    public const string PhoneMask = "[phone removed]";

    private const RegexOptions Options = RegexOptions.Compiled | RegexOptions.CultureInvariant | RegexOptions.IgnoreCase;
    private static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(250);

    private static readonly Regex Email = new(
        @"(?<![\w.%+-])[\w.%+-]+@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*\.[a-z]{2,}(?![\w-])",
        Options, Timeout);

    /// <summary>A run of 7 to 15 digits, optionally after "+", with single spaces, dots, dashes or brackets between them.</summary>
    private static readonly Regex PhoneCandidate = new(
        @"(?<![\w+£$€¥.,])\+?\(?\d(?:(?:[ .-]|\)\s?|\s?\()?\d){6,14}(?![\w%]|[.,]\d)",
        Options, Timeout);

    /// <summary>Number shapes that are not phone numbers: dates, year ranges, decimals, and amounts of money.</summary>
    private static readonly Regex NotAPhone = new(
        @"^(?:\d{4}[-./]\d{1,2}[-./]\d{1,2}|\d{1,2}[-./]\d{1,2}[-./]\d{2,4}|(?:19|20)\d\d ?- ?(?:19|20)\d\d|\d+\.\d+)$",
        Options, Timeout);

    private static readonly Regex Money = new(@"\s*(?:euros?|dollars?|pounds?|eur|usd|gbp|quid|bucks)\b", Options, Timeout);

    /// <summary>
    /// The text with each email address replaced by <see cref="EmailMask"/> and each phone number by <see cref="PhoneMask"/>.
    /// A message too tangled to finish within the time limit twice is refused rather than stored unmasked; the second
    /// try is there because a stalled machine, not the text, is the usual reason for a first timeout.
    /// </summary>
    public static string Mask(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var withoutEmails = Email.Replace(text, EmailMask);

                // Most messages hold no run of digits: settle those without the evaluator and its closure.
                return PhoneCandidate.IsMatch(withoutEmails) ? MaskPhones(withoutEmails) : withoutEmails;
            }
            catch (RegexMatchTimeoutException) when (attempt < 2)
            {
                // Once more: a stall passes, a text that is truly too tangled times out again.
            }
            catch (RegexMatchTimeoutException)
            {
                throw new RuleViolationException("message-unmaskable", "This message could not be checked for contact details; please shorten it and send it again.");
            }
        }
    }

    private static string MaskPhones(string text) =>
        PhoneCandidate.Replace(text, m => IsPhone(text, m) ? PhoneMask : m.Value);

    private static bool IsPhone(string text, Match candidate) =>
        !NotAPhone.IsMatch(candidate.Value) && !FollowedByMoney(text, candidate);

    private static bool FollowedByMoney(string text, Match candidate)
    {
        var after = Money.Match(text, candidate.Index + candidate.Length);
        return after.Success && after.Index == candidate.Index + candidate.Length;
    }
}
