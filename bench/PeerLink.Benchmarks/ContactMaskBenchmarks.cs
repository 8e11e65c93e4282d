using System.Text.RegularExpressions;
using BenchmarkDotNet.Attributes;
using PeerLink.Grains.Safety;

namespace PeerLink.Benchmarks;

/// <summary>
/// Contact masking of one message, as every message, topic, reason and note meets it: the masker that reads
/// obfuscated forms (look-alikes folded, digit words, spelled "at"/"dot") against the plain one it replaced,
/// kept here as the baseline. The plain one misses most obfuscated forms, so only its cost is compared.
/// </summary>
[MemoryDiagnoser]
public class ContactMaskBenchmarks
{
    private static readonly Dictionary<string, string> Messages = new()
    {
        // Most messages: nothing to mask, ASCII.
        ["ordinary"] = "Thanks for listening today. It helped to talk about the move, my new job and my sister at 10:30.",
        // Not ASCII, so the skeleton is built.
        ["accented"] = "Gracias por escucharme hoy, me ayudó mucho hablar de la mudanza y de mi hermana a las 10:30.",
        // Both kinds to mask, plainly written.
        ["contacts"] = "You can reach me on 07700 900123 or write to jo.bloggs@example.com after work tonight.",
    };

    private string text = "";

    [Params("ordinary", "accented", "contacts")]
    public string Message { get; set; } = "ordinary";

    [GlobalSetup]
    public void Setup() => text = Messages[Message];

    [Benchmark(Baseline = true)]
    public string PlainMasker() => PlainContactMasker.Mask(text);

    [Benchmark]
    public string ObfuscationAwareMasker() => ContactMasker.Mask(text);

    /// <summary>The masker before obfuscated forms were read (git history: ContactMasker.cs before the change), the baseline.</summary>
    private static class PlainContactMasker
    {
        private const RegexOptions Options = RegexOptions.Compiled | RegexOptions.CultureInvariant | RegexOptions.IgnoreCase;

        private static readonly Regex Email = new(
            @"(?<![\w.%+-])[\w.%+-]+@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*\.[a-z]{2,}(?![\w-])", Options);

        private static readonly Regex PhoneCandidate = new(@"(?<![\w+£$€¥.,])\+?\(?\d(?:(?:[ .-]|\)\s?|\s?\()?\d){6,14}(?![\w%]|[.,]\d)", Options);

        private static readonly Regex NotAPhone = new(
            @"^(?:\d{4}[-./]\d{1,2}[-./]\d{1,2}|\d{1,2}[-./]\d{1,2}[-./]\d{2,4}|(?:19|20)\d\d ?- ?(?:19|20)\d\d|\d+\.\d+)$", Options);

        private static readonly Regex Money = new(@"\s*(?:euros?|dollars?|pounds?|eur|usd|gbp|quid|bucks)\b", Options);

        public static string Mask(string text)
        {
            var withoutEmails = Email.Replace(text, ContactMasker.EmailMask);
            return PhoneCandidate.IsMatch(withoutEmails)
                ? PhoneCandidate.Replace(withoutEmails, m => IsPhone(withoutEmails, m) ? ContactMasker.PhoneMask : m.Value)
                : withoutEmails;
        }

        private static bool IsPhone(string text, Match candidate)
        {
            if (NotAPhone.IsMatch(candidate.Value))
            {
                return false;
            }

            var after = Money.Match(text, candidate.Index + candidate.Length);
            return !(after.Success && after.Index == candidate.Index + candidate.Length);
        }
    }
}
