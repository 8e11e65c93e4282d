using System.Text;
using Xunit.Abstractions;
using PeerLink.Grains.Safety;

namespace PeerLink.Grains.Tests.Safety;

/// <summary>The detector on the real rules against every labelled sentence. The figures go into docs/safety.md.</summary>
public sealed class CrisisDetectorAccuracyTests(ITestOutputHelper output)
{
    private const string Development = "crisis-sentences.tsv";
    private const string HeldOut = "crisis-sentences-holdout.tsv";

    [Fact]
    public void High_risk_is_found_with_recall_of_at_least_95_percent_and_precision_of_at_least_80_percent()
    {
        var development = Score(Development);
        var heldOut = Score(HeldOut);
        var all = new Confusion([.. development.Results, .. heldOut.Results]);

        Report("development set (rules were written against it)", development);
        Report("held-out set (never used to write rules)", heldOut);
        Report("whole set", all);

        Assert.True(all.Results.Count >= 200, $"The labelled set has {all.Results.Count} sentences; it needs at least 200.");
        Assert.True(all.Recall(RiskLevel.High) >= 0.95, $"High-risk recall is {all.Recall(RiskLevel.High):0.000}.");
        Assert.True(all.Precision(RiskLevel.High) >= 0.80, $"High-risk precision is {all.Precision(RiskLevel.High):0.000}.");
    }

    private static Confusion Score(string file) =>
        new([.. LabelledSentence.Load(file).Select(s => (s, SafetyServices.Detector.Assess(s.Text, s.Language)))]);

    private void Report(string title, Confusion confusion)
    {
        var text = new StringBuilder($"## {title}: {confusion.Results.Count} sentences\n");
        text.AppendLine("| labelled \\ found | none | concern | high |");
        foreach (var label in Enum.GetValues<RiskLevel>())
        {
            text.AppendLine($"| {label.ToString().ToLowerInvariant()} | {string.Join(" | ", Enum.GetValues<RiskLevel>().Select(found => confusion.Count(label, found)))} |");
        }

        foreach (var level in new[] { RiskLevel.High, RiskLevel.Concern })
        {
            text.AppendLine($"{level}: precision {confusion.Precision(level):0.000}, recall {confusion.Recall(level):0.000}");
        }

        foreach (var (sentence, found) in confusion.Results.Where(r => r.Sentence.Label != r.Found.Level))
        {
            text.AppendLine($"  {sentence.Label} found as {found.Level} ({found.MatchedRule ?? "no rule"}): {sentence.Text}");
        }

        output.WriteLine(text.ToString());
    }

    private sealed record Confusion(IReadOnlyList<(LabelledSentence Sentence, CrisisAssessment Found)> Results)
    {
        public int Count(RiskLevel label, RiskLevel found) => Results.Count(r => r.Sentence.Label == label && r.Found.Level == found);

        public double Precision(RiskLevel level) => Ratio(Count(level, level), Results.Count(r => r.Found.Level == level));

        public double Recall(RiskLevel level) => Ratio(Count(level, level), Results.Count(r => r.Sentence.Label == level));

        private static double Ratio(int part, int whole) => whole == 0 ? 1 : (double)part / whole;
    }
}
