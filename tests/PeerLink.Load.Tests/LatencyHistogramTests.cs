using PeerLink.Load.Scenario;

namespace PeerLink.Load.Tests;

public sealed class LatencyHistogramTests
{
    [Fact]
    public void Percentiles_are_within_two_percent_of_the_exact_ones()
    {
        var histogram = new LatencyHistogram();
        var samples = Enumerable.Range(1, 10_000).Select(i => TimeSpan.FromMicroseconds(i * 7.3)).ToList();
        foreach (var sample in samples)
        {
            histogram.Record(sample);
        }

        foreach (var p in new[] { 50.0, 95, 99 })
        {
            var exact = samples[(int)Math.Ceiling(p / 100 * samples.Count) - 1].TotalMilliseconds;
            Assert.InRange(histogram.Percentile(p)!.Value, exact * 0.98, exact * 1.02);
        }
    }

    [Fact]
    public void An_empty_histogram_has_no_percentiles()
    {
        Assert.Equal(new LatencyFigures(0, null, null, null), new LatencyHistogram().Figures());
    }
}
