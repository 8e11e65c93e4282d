using System.Globalization;
using System.Text;
using Xunit.Abstractions;
using PeerLink.Grains.Safety;

namespace PeerLink.Grains.Tests.Safety;

/// <summary>
/// The masker against every labelled message: contact details in the forms people use to slip them past a filter,
/// and look-alikes (times, dates, prices, ordinary numbers, "at" in prose) that must stay. The figures go into
/// docs/safety.md.
/// </summary>
public sealed class ContactMaskerAccuracyTests(ITestOutputHelper output)
{
    private const string Development = "contact-sentences.tsv";
    private const string HeldOut = "contact-sentences-holdout.tsv";
    private const string SecondHeldOut = "contact-sentences-holdout-2.tsv";

    [Fact]
    public void At_least_95_percent_of_contact_details_are_masked_and_at_most_2_percent_of_ordinary_messages_are_touched()
    {
        var development = Score(Development);
        var heldOut = Score(HeldOut);
        var secondHeldOut = Score(SecondHeldOut);
        var all = new Scores([.. development.Results, .. heldOut.Results, .. secondHeldOut.Results]);

        Report("development set (written with the masker in view)", development);
        Report("held-out set (written apart from the masker; its first misses were seen, see docs/safety.md)", heldOut);
        Report("second held-out set (written apart from the masker, never used to change it)", secondHeldOut);
        Report("whole set", all);

        Assert.True(all.Results.Count >= 200, $"The labelled set has {all.Results.Count} messages; it needs at least 200.");
        Assert.True(all.CatchRate >= 0.95, $"{all.CatchRate:0.000} of contact details were masked.");
        Assert.True(all.FalseMaskRate <= 0.02, $"{all.FalseMaskRate:0.000} of ordinary messages were changed.");
    }

    private static Scores Score(string file) =>
        new([.. Load(file).Select(m => new Result(m.Contact, m.Text, ContactMasker.Mask(m.Text)))]);

    private static IEnumerable<(bool Contact, string Text)> Load(string file) =>
        File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Safety", file))
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split('\t') switch
            {
                ["contact", var text] => (true, text),
                ["keep", var text] => (false, text),
                _ => throw new FormatException($"A labelled message is \"contact|keep<TAB>message\", not \"{line}\"."),
            });

    private void Report(string title, Scores scores)
    {
        var text = new StringBuilder($"## {title}: {scores.Results.Count(r => r.Contact)} with contact details, {scores.Results.Count(r => !r.Contact)} without\n");
        text.AppendLine($"caught {scores.CatchRate:0.000}, falsely masked {scores.FalseMaskRate:0.000}");
        foreach (var result in scores.Results.Where(r => r.Contact ? !r.Caught : r.Changed))
        {
            text.AppendLine($"  {(result.Contact ? "missed" : "falsely masked")}: {result.Text} => {result.Masked}");
        }

        output.WriteLine(text.ToString());
    }

    private sealed record Result(bool Contact, string Text, string Masked)
    {
        public bool Changed => Masked != Text;

        /// <summary>Masked, and nothing left that still reads as part of an address or a number to dial.</summary>
        public bool Caught => Changed && !Leaks(Masked);

        /// <summary>Judged without the masker's own reading: an "@" of any width, an encoded one, or five digits in a row (in any script, whatever lies between them) left behind.</summary>
        private static bool Leaks(string masked)
        {
            if (masked.IndexOfAny(['@', '＠', '﹫']) >= 0 || masked.Contains("%40", StringComparison.Ordinal))
            {
                return true;
            }

            var digits = 0;
            for (var i = 0; i < masked.Length; i += char.IsSurrogatePair(masked, i) ? 2 : 1)
            {
                if (CharUnicodeInfo.GetDecimalDigitValue(masked, i) >= 0)
                {
                    if (++digits >= 5)
                    {
                        return true;
                    }
                }
                else if (!(masked[i] is ' ' or '-' or '.' or '(' or ')' or '/' || CharUnicodeInfo.GetUnicodeCategory(masked, i) == UnicodeCategory.Format))
                {
                    digits = 0;
                }
            }

            return false;
        }
    }

    private sealed record Scores(IReadOnlyList<Result> Results)
    {
        public double CatchRate => Ratio(Results.Count(r => r.Contact && r.Caught), Results.Count(r => r.Contact));

        public double FalseMaskRate => Ratio(Results.Count(r => !r.Contact && r.Changed), Results.Count(r => !r.Contact));

        private static double Ratio(int part, int whole) => whole == 0 ? 0 : (double)part / whole;
    }
}
