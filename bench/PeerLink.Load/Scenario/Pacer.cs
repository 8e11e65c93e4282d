using System.Diagnostics;

namespace PeerLink.Load.Scenario;

/// <summary>
/// Starts work at a steady rate without waiting for each piece (an open loop, as real people do not wait for
/// each other), and stops by itself after a count or a duration, whichever comes first.
/// </summary>
internal static class Pacer
{
    private static readonly TimeSpan DrainDeadline = TimeSpan.FromSeconds(30);

    /// <param name="action">Called with 0, 1, 2, ...; it must catch its own errors.</param>
    /// <param name="maxInFlight">When this many are still running, the next is skipped rather than queued on the client.</param>
    /// <returns>How many were started and how many skipped.</returns>
    public static async Task<(long Started, long Skipped)> RunAsync(
        double perSecond, long maxCount, TimeSpan duration, int maxInFlight, Func<long, Task> action, CancellationToken cancellationToken)
    {
        long started = 0, skipped = 0, inFlight = 0;
        var clock = Stopwatch.StartNew();
        while (started + skipped < maxCount && clock.Elapsed < duration && !cancellationToken.IsCancellationRequested)
        {
            var due = Math.Min(maxCount, (long)(clock.Elapsed.TotalSeconds * perSecond) + 1);
            while (started + skipped < due)
            {
                if (Interlocked.Read(ref inFlight) >= maxInFlight)
                {
                    skipped++;
                    continue;
                }

                Interlocked.Increment(ref inFlight);
                _ = Run(action, started + skipped);
                started++;
            }

            await Task.Delay(1, CancellationToken.None);
        }

        var drain = Stopwatch.StartNew();
        while (Interlocked.Read(ref inFlight) > 0 && drain.Elapsed < DrainDeadline)
        {
            await Task.Delay(10, CancellationToken.None);
        }

        return (started, skipped);

        async Task Run(Func<long, Task> work, long i)
        {
            try
            {
                await work(i);
            }
            finally
            {
                Interlocked.Decrement(ref inFlight);
            }
        }
    }
}
