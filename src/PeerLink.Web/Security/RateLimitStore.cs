using System.Threading.RateLimiting;
using RedisRateLimiting;
using StackExchange.Redis;

namespace PeerLink.Web.Security;

/// <summary>
/// Where PeerLink's rate limits are counted: in this process when it is the only node, and in Redis when it is one
/// node of a cluster, so a person who spreads their calls over several nodes still meets one limit. The shared count
/// is RedisRateLimiting's sliding window: a sorted set for each limit and person (or address), under the service's
/// prefix, that Redis lets expire a window after its last permit.
/// </summary>
/// <remarks>
/// A limiter kept in Redis never grants a permit without asking Redis, so <c>AttemptAcquire</c> always refuses there:
/// take permits with <c>AcquireAsync</c> (ASP.NET Core's rate-limiting middleware falls back to it by itself). In
/// this process the same call completes at once.
/// </remarks>
public sealed class RateLimitStore(IConnectionMultiplexer? redis, string serviceId)
{
    /// <summary>Whether the count is shared by the nodes of a cluster.</summary>
    public bool Shared => redis is not null;

    /// <summary>
    /// The limiters of one limit, one for each partition key (a person, an address): at most
    /// <paramref name="permits"/> in any <paramref name="window"/>. Made once per limit, so asking for a partition
    /// allocates nothing.
    /// </summary>
    public Func<string, RateLimiter> SlidingWindow(string limit, int permits, TimeSpan window, int segments)
    {
        if (redis is null)
        {
            var options = new SlidingWindowRateLimiterOptions { PermitLimit = permits, Window = window, SegmentsPerWindow = segments, QueueLimit = 0 };
            return _ => new SlidingWindowRateLimiter(options);
        }

        var shared = new RedisSlidingWindowRateLimiterOptions { PermitLimit = permits, Window = window, ConnectionMultiplexerFactory = () => redis };
        return key => new RedisSlidingWindowRateLimiter<string>($"{serviceId}/limits/{limit}/{key}", shared);
    }
}
