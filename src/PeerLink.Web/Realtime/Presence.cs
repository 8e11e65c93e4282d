using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using PeerLink.Grains.People;
using Orleans;

namespace PeerLink.Web.Realtime;

/// <summary>
/// Who has live hub connections to this node, and how many. The person's grain hears of each one that opens and
/// closes, and a heartbeat every ten seconds with the count while any stays: the grain counts the person online while
/// some node has beaten for them within the presence timeout, so presence, and the cap on a person's connections, hold
/// across the nodes of a cluster, and a node that dies stops counting by itself. A peer's availability rests on the
/// same beats.
/// </summary>
/// <remarks>
/// The beats are spread over the ten seconds, a tenth of the people each second, rather than sent all at once: a
/// burst of thousands of grain calls every ten seconds held up the messages being sent at that moment (seen in the
/// load run as 10 ms stalls every ten seconds).
/// </remarks>
public sealed class Presence(IGrainFactory grains, TimeProvider time, IOptions<ConnectionLimitOptions> limits, ILogger<Presence> logger) : BackgroundService
{
    public static readonly TimeSpan Beat = TimeSpan.FromSeconds(10);

    /// <summary>How many parts the beat is cut into; each person falls in one.</summary>
    public const int Slots = 10;

    private readonly ConcurrentDictionary<string, int> connections = new(StringComparer.Ordinal);

    /// <summary>This node, as person grains know it: one id for as long as the process runs.</summary>
    public string NodeId { get; } = Guid.NewGuid().ToString("N");

    /// <summary>Counts a connection of the person, here and with their grain.</summary>
    /// <exception cref="HubException">"connections-too-many": the nodes of the cluster hold the person's cap already; nothing is counted.</exception>
    public async Task ConnectAsync(string personId)
    {
        connections.AddOrUpdate(personId, 1, (_, n) => n + 1);
        bool opened;
        try
        {
            opened = await grains.GetGrain<IPersonGrain>(personId).Connect(NodeId, limits.Value.ConnectionsPerPerson);
        }
        catch
        {
            Release(personId);
            throw;
        }

        if (!opened)
        {
            Release(personId);
            logger.LogInformation("Hub connection refused: {PersonId} is over the connections-per-person cap", personId);
            throw new HubException($"connections-too-many: You have {limits.Value.ConnectionsPerPerson} PeerLink windows open already; close one and try again.");
        }
    }

    /// <returns>Whether that was the person's last connection to this node.</returns>
    public async Task<bool> DisconnectAsync(string personId)
    {
        var last = Release(personId);
        await grains.GetGrain<IPersonGrain>(personId).Disconnected(NodeId);
        return last;
    }

    private bool Release(string personId)
    {
        if (connections.AddOrUpdate(personId, 0, (_, n) => n - 1) > 0)
        {
            return false;
        }

        connections.TryRemove(new KeyValuePair<string, int>(personId, 0));
        return true;
    }

    /// <summary>The people whose heartbeat falls on this tick; over <see cref="Slots"/> ticks each comes up once.</summary>
    public IEnumerable<string> DueOn(long tick)
    {
        var slot = (uint)(tick % Slots);
        return connections.Keys.Where(personId => (uint)StringComparer.Ordinal.GetHashCode(personId) % Slots == slot);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Beat / Slots, time);
        for (long tick = 0; await timer.WaitForNextTickAsync(stoppingToken); tick++)
        {
            foreach (var personId in DueOn(tick))
            {
                try
                {
                    await grains.GetGrain<IPersonGrain>(personId).Connected(NodeId, connections.GetValueOrDefault(personId));
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogWarning(e, "Heartbeat for {PersonId} failed", personId);
                }
            }
        }
    }
}
