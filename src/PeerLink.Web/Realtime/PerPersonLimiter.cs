using System.Threading.RateLimiting;

namespace PeerLink.Web.Realtime;

/// <summary>
/// A sliding window per person, for the limits the hub keeps itself: ASP.NET Core's rate-limiting middleware sees
/// only the hub's one long WebSocket request, not each invocation. The limiter asks for the partition on every
/// call: both delegates are made once here, so asking allocates nothing.
/// </summary>
internal sealed class PerPersonLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> limiter;

    public PerPersonLimiter(int permits, TimeSpan window, int segments)
    {
        // A sliding window, so a burst across a window boundary cannot reach twice the limit.
        var options = new SlidingWindowRateLimiterOptions { PermitLimit = permits, Window = window, SegmentsPerWindow = segments, QueueLimit = 0 };
        Func<string, RateLimiter> create = _ => new SlidingWindowRateLimiter(options);
        limiter = PartitionedRateLimiter.Create<string, string>(personId => RateLimitPartition.Get(personId, create));
    }

    /// <summary>Takes one permit for the person; false when they have none left in the window.</summary>
    public bool TryTake(string personId)
    {
        using var lease = limiter.AttemptAcquire(personId);
        return lease.IsAcquired;
    }

    public void Dispose() => limiter.Dispose();
}
