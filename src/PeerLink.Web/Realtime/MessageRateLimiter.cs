using Microsoft.Extensions.Options;
using PeerLink.Grains;
using PeerLink.Web.Security;

namespace PeerLink.Web.Realtime;

public sealed class MessageLimitOptions
{
    public const string SectionName = "PeerLink:Limits";

    /// <summary>Messages one person may send per second, over conversations and rooms together.</summary>
    public int MessagesPerSecond { get; set; } = 10;
}

/// <summary>Holds each person to a number of messages a second, over conversations and rooms together.</summary>
public sealed class MessageRateLimiter(IOptions<MessageLimitOptions> options, RateLimitStore store) : IDisposable
{
    private readonly PerPersonLimiter limiter = new(store, "messages", options.Value.MessagesPerSecond, TimeSpan.FromSeconds(1), segments: 10);

    /// <exception cref="RuleViolationException">The person is over the limit; the message is not taken.</exception>
    public async ValueTask TakeAsync(string personId)
    {
        if (!await limiter.TryTakeAsync(personId))
        {
            throw new RuleViolationException(
                "rate-limited",
                $"That is more than {options.Value.MessagesPerSecond} messages a second; the message was not sent. Wait a moment and send it again.");
        }
    }

    public void Dispose() => limiter.Dispose();
}
