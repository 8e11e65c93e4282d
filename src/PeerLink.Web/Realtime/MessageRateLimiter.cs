using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using PeerLink.Grains;

namespace PeerLink.Web.Realtime;

public sealed class MessageLimitOptions
{
    public const string SectionName = "PeerLink:Limits";

    /// <summary>Messages one person may send per second, over conversations and rooms together.</summary>
    public int MessagesPerSecond { get; set; } = 10;
}

/// <summary>
/// Holds each person to a number of messages a second. ASP.NET Core's rate-limiting middleware sees only the
/// hub's one long WebSocket request, not each invocation, so the hub asks the same limiter type itself.
/// </summary>
public sealed class MessageRateLimiter : IDisposable
{
    private readonly IOptions<MessageLimitOptions> options;
    private readonly PartitionedRateLimiter<string> limiter;

    public MessageRateLimiter(IOptions<MessageLimitOptions> options)
    {
        this.options = options;

        // A sliding window, so a burst across a window boundary cannot reach twice the limit. The limiter asks for
        // the partition on every message: both delegates are made once here, so asking allocates nothing.
        var window = new SlidingWindowRateLimiterOptions
        {
            PermitLimit = options.Value.MessagesPerSecond,
            Window = TimeSpan.FromSeconds(1),
            SegmentsPerWindow = 10,
            QueueLimit = 0,
        };
        Func<string, RateLimiter> create = _ => new SlidingWindowRateLimiter(window);
        limiter = PartitionedRateLimiter.Create<string, string>(personId => RateLimitPartition.Get(personId, create));
    }

    /// <exception cref="RuleViolationException">The person is over the limit; the message is not taken.</exception>
    public void Take(string personId)
    {
        using var lease = limiter.AttemptAcquire(personId);
        if (!lease.IsAcquired)
        {
            throw new RuleViolationException(
                "rate-limited",
                $"That is more than {options.Value.MessagesPerSecond} messages a second; the message was not sent. Wait a moment and send it again.");
        }
    }

    public void Dispose() => limiter.Dispose();
}
