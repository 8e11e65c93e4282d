using System.Diagnostics;
using System.Numerics;

namespace PeerLink.Load.Scenario;

/// <summary>
/// Latencies in microseconds, in log-linear buckets (64 per power of two, so within 1.6%), recorded from
/// any thread without locks. Its size is fixed, so a ten-minute soak costs what a ten-second run does.
/// </summary>
internal sealed class LatencyHistogram
{
    private const int SubBuckets = 64;
    private readonly long[] counts = new long[SubBuckets * 2 + (SubBuckets * 48)];
    private long total;

    public long Count => Interlocked.Read(ref total);

    public void RecordSince(long startTimestamp) => Record(Stopwatch.GetElapsedTime(startTimestamp));

    public void Record(TimeSpan latency)
    {
        var micros = Math.Max(0, (long)(latency.Ticks / (double)TimeSpan.TicksPerMicrosecond));
        Interlocked.Increment(ref counts[Math.Min(Index(micros), counts.Length - 1)]);
        Interlocked.Increment(ref total);
    }

    /// <summary>The latency in milliseconds at or below which <paramref name="percentile"/> percent fall; null with no samples.</summary>
    public double? Percentile(double percentile)
    {
        var n = Count;
        if (n == 0)
        {
            return null;
        }

        var rank = (long)Math.Ceiling(percentile / 100 * n);
        long seen = 0;
        for (var i = 0; i < counts.Length; i++)
        {
            seen += Interlocked.Read(ref counts[i]);
            if (seen >= Math.Max(rank, 1))
            {
                return Math.Round(UpperBound(i) / 1000.0, 2);
            }
        }

        return Math.Round(UpperBound(counts.Length - 1) / 1000.0, 2);
    }

    public LatencyFigures Figures() => new(Count, Percentile(50), Percentile(95), Percentile(99));

    private static int Index(long micros)
    {
        if (micros < 2 * SubBuckets)
        {
            return (int)micros;
        }

        var shift = BitOperations.Log2((ulong)micros) - 6;
        return (shift * SubBuckets) + (int)(micros >> shift);
    }

    private static long UpperBound(int index)
    {
        if (index < 2 * SubBuckets)
        {
            return index;
        }

        var shift = (index / SubBuckets) - 1;
        var mantissa = index - (shift * SubBuckets);
        return ((mantissa + 1L) << shift) - 1;
    }
}

/// <summary>How many samples, and the 50th, 95th and 99th percentiles in milliseconds.</summary>
internal sealed record LatencyFigures(long Count, double? P50, double? P95, double? P99);
