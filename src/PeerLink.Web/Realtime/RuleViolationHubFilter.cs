using Microsoft.AspNetCore.SignalR;
using PeerLink.Grains;

namespace PeerLink.Web.Realtime;

/// <summary>
/// Gives hub callers the reason a product rule refused them: SignalR passes a HubException's text on, so the
/// error reads "... HubException: code: message". Other exceptions keep
/// SignalR's generic message, so internals never leak. Either way the connection stays up.
/// </summary>
internal sealed class RuleViolationHubFilter : IHubFilter
{
    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        try
        {
            return await next(invocationContext);
        }
        catch (RuleViolationException e)
        {
            throw new HubException($"{e.Code}: {e.Message}");
        }
        catch (ArgumentException e)
        {
            throw new HubException($"invalid-argument: {e.Message}");
        }
    }
}
