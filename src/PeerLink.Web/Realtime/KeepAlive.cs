using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.Options;

namespace PeerLink.Web.Realtime;

public sealed class KeepAliveOptions
{
    public const string SectionName = "PeerLink:Realtime";

    /// <summary>
    /// How often each PeerLink hub connection is pinged. The browser client drops a server it has not heard from
    /// in 30 s, so 15 s (SignalR's default) leaves room for one lost ping, and more is refused.
    /// </summary>
    public double KeepAliveSeconds { get; set; } = 15;
}

/// <summary>
/// Pings every PeerLink hub connection once per keep-alive interval, with the connections spread over the interval.
/// </summary>
/// <remarks>
/// SignalR's own keep-alive pings a connection an interval after its previous ping, checked on one heartbeat for all
/// connections, and nothing ever re-phases it. People who connect together (everyone reconnecting after a restart, or
/// the load run's 5,000 in four seconds) are therefore pinged together for as long as they stay: thousands of pings in
/// one second every ~16 s, and the load run's slowest messages lined up with them. This takes over for the PeerLink
/// hub, whose SignalR keep-alive is set far beyond this one: each connection falls in one of <see cref="Slots"/> slots
/// by a hash of its id, as <see cref="Presence"/> spreads its heartbeats.
/// </remarks>
public sealed partial class KeepAlive(IOptions<KeepAliveOptions> options, TimeProvider time, ILogger<KeepAlive> logger) : BackgroundService
{
    /// <summary>How many parts the interval is cut into; each connection falls in one.</summary>
    public const int Slots = 15;

    private readonly ConcurrentDictionary<string, Tracked> connections = new(StringComparer.Ordinal);
    private long stalledDropped;

    public TimeSpan Interval { get; } = TimeSpan.FromSeconds(options.Value.KeepAliveSeconds);

    /// <summary>
    /// A connection whose ping has waited this long behind its own unread socket has stopped reading, and is dropped.
    /// On one node <see cref="ConnectionOutbox"/> drops it sooner, once messages pile up; through the Redis backplane
    /// nothing else would, and what is sent to that person would queue without end.
    /// </summary>
    public TimeSpan StallAfter => 2 * Interval;

    /// <summary>How many connections were dropped for a stalled ping since start.</summary>
    public long StalledDropped => Interlocked.Read(ref stalledDropped);

    public void Connected(HubConnectionContext connection) =>
        connections[connection.ConnectionId] = new Tracked(connection, (uint)StringComparer.Ordinal.GetHashCode(connection.ConnectionId) % Slots);

    public void Disconnected(HubConnectionContext connection) => connections.TryRemove(connection.ConnectionId, out _);

    /// <summary>The connection ids whose ping falls on this tick; over <see cref="Slots"/> ticks each comes up once.</summary>
    public IEnumerable<string> DueOn(long tick) => Due(tick).Select(t => t.Connection.ConnectionId);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval / Slots, time);
        for (long tick = 0; await timer.WaitForNextTickAsync(stoppingToken); tick++)
        {
            foreach (var tracked in Due(tick))
            {
                // Not awaited one by one: a connection whose socket is backed up must not hold up the others' pings.
                _ = PingAsync(tracked);
            }
        }
    }

    private IEnumerable<Tracked> Due(long tick)
    {
        var slot = (uint)(tick % Slots);
        return connections.Values.Where(t => t.Slot == slot);
    }

    private async Task PingAsync(Tracked tracked)
    {
        // A ping still waiting behind a full socket is enough (SignalR's own keep-alive skips in the same case), until
        // it has waited too long: then the client has stopped reading.
        var now = time.GetTimestamp();
        var pendingSince = Interlocked.CompareExchange(ref tracked.PendingSince, now, 0);
        if (pendingSince != 0)
        {
            if (time.GetElapsedTime(pendingSince, now) > StallAfter)
            {
                LogStalled(logger, tracked.Connection.ConnectionId, StallAfter.TotalSeconds);
                Interlocked.Increment(ref stalledDropped);
                tracked.Connection.Abort();
            }

            return;
        }

        try
        {
            await tracked.Connection.WriteAsync(PingMessage.Instance, tracked.Connection.ConnectionAborted);
        }
        catch (Exception e)
        {
            // The connection is closing or closed; its disconnect removes it.
            logger.LogDebug(e, "Keep-alive ping to {ConnectionId} failed", tracked.Connection.ConnectionId);
        }
        finally
        {
            Volatile.Write(ref tracked.PendingSince, 0);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Dropped connection {ConnectionId}: its ping waited {Seconds} s behind a socket it does not read")]
    private static partial void LogStalled(ILogger logger, string connectionId, double seconds);

    // The slot is fixed at connect, so a tick does not hash every connection's id again.
    private sealed class Tracked(HubConnectionContext connection, uint slot)
    {
        public readonly HubConnectionContext Connection = connection;
        public readonly uint Slot = slot;

        /// <summary>When the ping under way was started (a <see cref="TimeProvider"/> timestamp); 0 when none is.</summary>
        public long PendingSince;
    }
}
