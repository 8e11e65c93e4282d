using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using PeerLink.Grains;

namespace PeerLink.Web.Realtime;

public sealed class HubCallLimitOptions
{
    public const string SectionName = "PeerLink:Limits";

    /// <summary>Hub calls one person may make in ten seconds, messages aside (they have their own limit).</summary>
    public int HubCallsPerTenSeconds { get; set; } = 50;
}

/// <summary>Marks a hub method that keeps a rate limit of its own, so the ceiling on every other call leaves it alone.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class OwnRateLimitAttribute : Attribute;

/// <summary>
/// A ceiling on every hub call a person makes, so no method can be called without end, whatever limit of its own
/// it has or lacks: past it, a call is refused with "rate-limited" and does nothing. Counted by this node.
/// </summary>
internal sealed class HubCallRateLimiter(IOptions<HubCallLimitOptions> options) : IHubFilter, IDisposable
{
    private static readonly ConcurrentDictionary<MethodInfo, bool> OwnLimit = new();

    private readonly PerPersonLimiter limiter = new(options.Value.HubCallsPerTenSeconds, TimeSpan.FromSeconds(10), segments: 5);

    public ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        if (invocationContext.Context.UserIdentifier is { } personId
            && !OwnLimit.GetOrAdd(invocationContext.HubMethod, static m => m.IsDefined(typeof(OwnRateLimitAttribute)))
            && !limiter.TryTake(personId))
        {
            throw new RuleViolationException("rate-limited", $"That is more than {options.Value.HubCallsPerTenSeconds} actions in ten seconds; wait a moment and try again.");
        }

        return next(invocationContext);
    }

    public void Dispose() => limiter.Dispose();
}
