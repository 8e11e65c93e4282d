using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.AspNetCore.SignalR;
using PeerLink.Grains;
using PeerLink.Grains.People;
using PeerLink.Web.Auth;

namespace PeerLink.Web.Realtime;

/// <summary>
/// Every hub call runs with the person's roles as they are now, not as they were when the connection opened: what the
/// person's grain says, kept with the connection until the grain says it changed (<see cref="ConnectionAccess"/>). A
/// call from a session that has been signed out, or from a person who was deleted, ends the connection; a call that
/// needs a role the person no longer has (<see cref="RequiresRoleAttribute"/>) is refused with "forbidden", and the
/// connection stays.
/// </summary>
internal sealed class CurrentAccessHubFilter(IGrainFactory grains) : IHubFilter
{
    private static readonly ConcurrentDictionary<MethodInfo, Role> RequiredRoles = new();

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        var context = invocationContext.Context;
        var access = context.User?.SessionId() is { } sessionId && context.UserIdentifier is { } personId
            ? await ConnectionAccess.Of(context).GetAsync(() => grains.GetGrain<IPersonGrain>(personId).GetAccess(sessionId))
            : Access.None;
        if (!access.SessionOpen)
        {
            context.Abort();
            throw new RuleViolationException("signed-out", "This session has been signed out. Sign in again.");
        }

        var required = RequiredRoles.GetOrAdd(invocationContext.HubMethod, static method => method.GetCustomAttribute<RequiresRoleAttribute>()?.Role ?? Role.None);
        if (!access.Roles.HasFlag(required))
        {
            throw new RuleViolationException("forbidden", $"Only a {required.ToString().ToLowerInvariant()} can do that.");
        }

        return await next(invocationContext);
    }
}
