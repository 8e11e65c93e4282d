using Microsoft.AspNetCore.SignalR;

namespace PeerLink.Web.Realtime;

/// <summary>
/// Writes to a connection without waiting on its socket, and drops a connection that falls too far behind.
/// </summary>
/// <remarks>
/// A write completes once the connection's buffers take it. A client that stops reading (a phone that lost signal
/// without closing, a frozen tab) fills them, and from then each write waits on it. Delivery used to wait with it:
/// one such connection held up everyone on its <see cref="DeliveryLane"/> until the server gave up on the socket,
/// more than ten seconds in the slow-client test. Writes are therefore not awaited here; SignalR's connection
/// keeps them in order. At most <see cref="MaxPending"/> may wait on one connection: past that the connection is
/// closed, and the page reconnects and fetches what it missed, as after any reconnect.
/// </remarks>
internal sealed class ConnectionOutbox(ILogger<ConnectionOutbox> logger)
{
    /// <summary>Writes a connection may have waiting, each at most a message of 4,000 characters.</summary>
    public const int MaxPending = 256;

    private const string Key = "peerlink:outbox";

    public void Write(HubConnectionContext connection, SerializedHubMessage message)
    {
        var pending = PendingOf(connection);
        if (Interlocked.Increment(ref pending.Count) > MaxPending)
        {
            Interlocked.Decrement(ref pending.Count);
            if (!pending.Dropped)
            {
                pending.Dropped = true;
                logger.LogWarning("Closing connection {ConnectionId}: it stopped reading, with {Pending} messages waiting", connection.ConnectionId, MaxPending);
                connection.Abort();
            }

            return;
        }

        var write = connection.WriteAsync(message);
        if (write.IsCompleted)
        {
            Interlocked.Decrement(ref pending.Count);
            return;
        }

        _ = CompleteAsync(write, pending);
    }

    private static async Task CompleteAsync(ValueTask write, Pending pending)
    {
        try
        {
            await write;
        }
        catch
        {
            // A write to a connection that closed meanwhile: nothing to do; SignalR itself logs what matters.
        }
        finally
        {
            Interlocked.Decrement(ref pending.Count);
        }
    }

    private static Pending PendingOf(HubConnectionContext connection) => ConnectionItems.GetOrAdd<Pending>(connection.Items, Key);

    private sealed class Pending
    {
        public int Count;
        public bool Dropped;
    }
}
