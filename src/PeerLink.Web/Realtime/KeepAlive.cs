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
public sealed class KeepAlive(IOptions<KeepAliveOptions> options, TimeProvider time, ILogger<KeepAlive> logger) : BackgroundService
{
    /// <summary>How many parts the interval is cut into; each connection falls in one.</summary>
    public const int Slots = 15;

    private readonly ConcurrentDictionary<string, Tracked> connections = new(StringComparer.Ordinal);

    public TimeSpan Interval { get; } = TimeSpan.FromSeconds(options.Value.KeepAliveSeconds);

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
        // A ping still waiting behind a full socket is enough; SignalR's own keep-alive skips in the same case.
        if (Interlocked.Exchange(ref tracked.Pinging, 1) == 1)
        {
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
            Volatile.Write(ref tracked.Pinging, 0);
        }
    }

    // The slot is fixed at connect, so a tick does not hash every connection's id again.
    private sealed class Tracked(HubConnectionContext connection, uint slot)
    {
        public readonly HubConnectionContext Connection = connection;
        public readonly uint Slot = slot;
        public int Pinging;
    }
}
