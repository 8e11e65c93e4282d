using Microsoft.AspNetCore.SignalR;
using PeerLink.Grains;
using PeerLink.Web.Errors;

namespace PeerLink.Web.Realtime;

/// <summary>
/// Gives hub callers the reason a product rule refused them: SignalR passes a HubException's text on, so the
/// error reads "... HubException: code: message". An outage (storage unreachable, the grain runtime out of time)
/// gets a code too, such as "storage-unavailable", so a client knows to send it again. Other exceptions keep
/// SignalR's generic message, so internals never leak. Either way the connection stays up.
/// </summary>
/// <remarks>
/// A refusal is an answer, not a fault, so it is logged at Debug. SignalR's own dispatcher would log each
/// one at Error with a stack trace; under a client that sends past the rate limit that logging became
/// the busiest thing in the server (found with the load tool). The dispatcher's category is therefore
/// silenced in appsettings.json, and real faults are logged here instead.
/// </remarks>
internal sealed class RuleViolationHubFilter(ILogger<RuleViolationHubFilter> logger) : IHubFilter
{
    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        try
        {
            return await next(invocationContext);
        }
        catch (RuleViolationException e)
        {
            logger.LogDebug("{Method} refused: {Code}", invocationContext.HubMethodName, e.Code);
            throw new HubException($"{e.Code}: {e.Message}");
        }
        catch (ArgumentException e)
        {
            logger.LogDebug("{Method} refused: {Message}", invocationContext.HubMethodName, e.Message);
            throw new HubException($"invalid-argument: {e.Message}");
        }
        catch (Exception e) when (Outage.Of(e) is { } outage)
        {
            logger.LogWarning("{Method} refused during an outage: {Code}: {Error}", invocationContext.HubMethodName, outage.Code, e.Message);
            throw new HubException($"{outage.Code}: {outage.Message}");
        }
        catch (Exception e) when (e is not HubException)
        {
            logger.LogError(e, "Hub method {Method} failed", invocationContext.HubMethodName);
            throw;
        }
    }
}
