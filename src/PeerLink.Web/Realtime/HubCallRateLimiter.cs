using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using PeerLink.Grains;
using PeerLink.Web.Security;

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
/// it has or lacks: past it, a call is refused with "rate-limited" and does nothing. Counted over the whole cluster.
/// </summary>
internal sealed class HubCallRateLimiter(IOptions<HubCallLimitOptions> options, RateLimitStore store) : IHubFilter, IDisposable
{
    private static readonly ConcurrentDictionary<MethodInfo, bool> OwnLimit = new();

    private readonly PerPersonLimiter limiter = new(store, "hub-calls", options.Value.HubCallsPerTenSeconds, TimeSpan.FromSeconds(10), segments: 5);

    public ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        if (invocationContext.Context.UserIdentifier is not { } personId
            || OwnLimit.GetOrAdd(invocationContext.HubMethod, static m => m.IsDefined(typeof(OwnRateLimitAttribute))))
        {
            return next(invocationContext);
        }

        // Decided at once on one node, so the call goes on without an async step of this filter's own.
        var taken = limiter.TryTakeAsync(personId);
        return taken.IsCompletedSuccessfully ? Go(taken.Result, invocationContext, next) : GoAsync(taken, invocationContext, next);
    }

    private ValueTask<object?> Go(bool taken, HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next) =>
        taken
            ? next(invocationContext)
            : throw new RuleViolationException("rate-limited", $"That is more than {options.Value.HubCallsPerTenSeconds} actions in ten seconds; wait a moment and try again.");

    private async ValueTask<object?> GoAsync(ValueTask<bool> taken, HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next) =>
        await Go(await taken, invocationContext, next);

    public void Dispose() => limiter.Dispose();
}
