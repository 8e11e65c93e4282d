using System.Threading.RateLimiting;
using PeerLink.Web.Security;

namespace PeerLink.Web.Realtime;

/// <summary>
/// A sliding window per person, for the limits the hub keeps itself: ASP.NET Core's rate-limiting middleware sees
/// only the hub's one long WebSocket request, not each invocation. Counted where the <see cref="RateLimitStore"/>
/// counts, so over the whole cluster. The limiter asks for the partition on every call: its delegate is made once
/// here, so asking allocates nothing.
/// </summary>
internal sealed class PerPersonLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> limiter;
    private readonly bool shared;

    public PerPersonLimiter(RateLimitStore store, string limit, int permits, TimeSpan window, int segments)
    {
        shared = store.Shared;
        // A sliding window, so a burst across a window boundary cannot reach twice the limit.
        var create = store.SlidingWindow(limit, permits, window, segments);
        limiter = PartitionedRateLimiter.Create<string, string>(personId => RateLimitPartition.Get(personId, create));
    }

    /// <summary>Takes one permit for the person; false when they have none left in the window.</summary>
    /// <remarks>Every hub call passes here: in this process the answer comes at once, without an async step; only a limiter kept in Redis has to ask.</remarks>
    public ValueTask<bool> TryTakeAsync(string personId)
    {
        if (!shared)
        {
            using var lease = limiter.AttemptAcquire(personId);
            return ValueTask.FromResult(lease.IsAcquired);
        }

        return AskAsync(personId);
    }

    private async ValueTask<bool> AskAsync(string personId)
    {
        using var lease = await limiter.AcquireAsync(personId);
        return lease.IsAcquired;
    }

    public void Dispose() => limiter.Dispose();
}
