using System.Collections.Concurrent;
using PeerLink.Grains.People;
using Orleans;

namespace PeerLink.Web.Realtime;

/// <summary>
/// Who has a live hub connection. While a peer does, their grain hears a heartbeat every ten seconds; when the
/// last connection drops the beats stop, and the peer turns unavailable within the presence timeout.
/// </summary>
/// <remarks>
/// Only peers are beaten for: a heartbeat matters to a person's grain only for a peer's availability. The beats
/// are spread over the ten seconds, a tenth of the peers each second, rather than sent all at once: a burst of
/// thousands of grain calls every ten seconds held up the messages being sent at that moment (seen in the load
/// run as 10 ms stalls every ten seconds).
/// </remarks>
public sealed class Presence(IGrainFactory grains, TimeProvider time, ILogger<Presence> logger) : BackgroundService
{
    public static readonly TimeSpan Beat = TimeSpan.FromSeconds(10);

    /// <summary>How many parts the beat is cut into; each person falls in one.</summary>
    public const int Slots = 10;

    private readonly ConcurrentDictionary<string, int> connections = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> beating = new(StringComparer.Ordinal);

    /// <summary>Whether the person has a live connection to this node.</summary>
    public bool IsOnline(string personId) => connections.ContainsKey(personId);

    /// <param name="needsHeartbeats">Whether the person's grain needs heartbeats while they are connected (a peer).</param>
    /// <returns>Whether that is the person's first connection.</returns>
    public bool Connected(string personId, bool needsHeartbeats)
    {
        var first = connections.AddOrUpdate(personId, 1, (_, n) => n + 1) == 1;
        if (needsHeartbeats)
        {
            beating[personId] = true;
        }

        return first;
    }

    /// <returns>Whether that was the person's last connection.</returns>
    public bool Disconnected(string personId)
    {
        if (connections.AddOrUpdate(personId, 0, (_, n) => n - 1) > 0)
        {
            return false;
        }

        connections.TryRemove(new KeyValuePair<string, int>(personId, 0));
        beating.TryRemove(personId, out _);
        return true;
    }

    /// <summary>The people whose heartbeat falls on this tick; over <see cref="Slots"/> ticks each comes up once.</summary>
    public IEnumerable<string> DueOn(long tick)
    {
        var slot = (uint)(tick % Slots);
        return beating.Keys.Where(personId => (uint)StringComparer.Ordinal.GetHashCode(personId) % Slots == slot);
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
                    await grains.GetGrain<IPersonGrain>(personId).Heartbeat();
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogWarning(e, "Heartbeat for {PersonId} failed", personId);
                }
            }
        }
    }
}
