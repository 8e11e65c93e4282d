using Orleans.Persistence.Redis;
using Orleans.Reminders.Redis;
using Orleans.Runtime.Messaging;
using Orleans.Storage;
using PeerLink.Silo.Logs;
using StackExchange.Redis;

namespace PeerLink.Web.Errors;

/// <summary>
/// Failures that are not the request's fault and pass by themselves: storage unreachable, a write that met another
/// one, the grain runtime unable to reach a grain in time. Nothing was changed; the same request can be sent again.
/// </summary>
internal sealed record Outage(string Code, string Message)
{
    private static readonly Outage Storage = new("storage-unavailable", "PeerLink cannot reach its storage right now; nothing was changed. Try again in a moment.");
    private static readonly Outage Conflict = new("storage-conflict", "Something changed the same thing at the same moment; nothing was changed. Try again.");
    private static readonly Outage Unreachable = new("service-unavailable", "PeerLink cannot reach part of itself right now; nothing was changed. Try again in a moment.");
    private static readonly Outage Late = new("service-timeout", "PeerLink could not answer in time; what you asked for may or may not have been done. Check before trying again.");

    /// <summary>What kind of outage <paramref name="exception"/> is, looking through the exceptions it wraps; null when it is none.</summary>
    public static Outage? Of(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case RedisStorageException or RedisRemindersException or LogStorageException or RedisException or RedisTimeoutException:
                    return Storage;
                case InconsistentStateException:
                    return Conflict;
                // Refused before any grain ran it (a silo that died and is being replaced, a gateway too busy): safe to send again.
                case OrleansMessageRejectionException or ConnectionFailedException or GatewayTooBusyException:
                    return Unreachable;

                // Sent, but no answer came: it may have been done.
                case TimeoutException:
                    return Late;
            }
        }

        return null;
    }
}
