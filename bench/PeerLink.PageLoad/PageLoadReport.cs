using System.Globalization;
using System.Text.Json;

namespace PeerLink.PageLoad;

/// <summary>Times to interactive of the seeker page and of the bare baseline page, measured in turn in one run.</summary>
internal sealed record PageLoadReport(DateTimeOffset Date, int Cores, string LoadAverageAtStart, int Visits, Timings Baseline, Timings SeekerPage)
{
    public const double TargetMedianMilliseconds = 1000;

    public double MedianVersusBaseline => Math.Round(SeekerPage.Median / Baseline.Median, 2);

    public bool TargetMet => SeekerPage.Median <= TargetMedianMilliseconds;

    public string ToText() => string.Create(CultureInfo.InvariantCulture, $"""
        Page load: {Visits} first visits to each page (a new browser context each, empty cache), chromium headless, 127.0.0.1
        {Date:yyyy-MM-dd HH:mm} UTC, {Cores} cores, load average at start {LoadAverageAtStart}
                                median      p90  slowest
        bare page (baseline)  {Baseline.Median,8:F0} {Baseline.P90,8:F0} {Baseline.Slowest,8:F0}  ms
        seeker page           {SeekerPage.Median,8:F0} {SeekerPage.P90,8:F0} {SeekerPage.Slowest,8:F0}  ms
        seeker page median / baseline median: x{MedianVersusBaseline:F2}
        target, seeker page median at most {TargetMedianMilliseconds:F0} ms: {(TargetMet ? "met" : "MISSED")}
        """);

    public string ToJson() => JsonSerializer.Serialize(this, new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true });
}

/// <summary>One page's times to interactive, in milliseconds.</summary>
internal sealed record Timings(double Median, double P90, double Slowest)
{
    public static Timings Of(IReadOnlyList<double> milliseconds)
    {
        var sorted = milliseconds.Order().ToArray();
        return new(Math.Round(sorted[sorted.Length / 2], 1), Math.Round(sorted[(int)Math.Ceiling(sorted.Length * 0.9) - 1], 1), Math.Round(sorted[^1], 1));
    }
}
