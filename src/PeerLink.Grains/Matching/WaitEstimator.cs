namespace PeerLink.Grains.Matching;

/// <summary>
/// Estimates a wait from how long recent requests really waited before they were matched: the median of
/// the last samples, less the time already waited. No samples, no estimate: we do not make one up.
/// </summary>
public sealed class WaitEstimator(int samples)
{
    private readonly Queue<double> recent = new();

    // Kept up to date on Record: Estimate runs for every waiting seeker on every queue update.
    private double? median;

    public void Record(TimeSpan waited)
    {
        recent.Enqueue(waited.TotalSeconds);
        if (recent.Count > samples)
        {
            recent.Dequeue();
        }

        var sorted = recent.Order().ToArray();
        median = sorted[sorted.Length / 2];
    }

    public int? Estimate(TimeSpan waitedSoFar) =>
        median is { } m ? (int)Math.Ceiling(Math.Max(0, m - waitedSoFar.TotalSeconds)) : null;
}
