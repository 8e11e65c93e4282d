using System.Collections.Concurrent;
using PeerLink.Grains.People;
using PeerLink.Silo;

namespace PeerLink.Web.Realtime;

/// <summary>
/// Who has a live hub connection. While someone does, their grain hears a heartbeat every ten seconds;
/// when the last connection drops the beats stop, and a peer turns unavailable within the presence timeout.
/// </summary>
public sealed class Presence(IGrainFactory grains, TimeProvider time, ILogger<Presence> logger) : BackgroundService
{
    private static readonly TimeSpan Beat = TimeSpan.FromSeconds(10);
    private readonly ConcurrentDictionary<string, int> connections = new();

    /// <summary>Whether the person has a live connection to this node.</summary>
    public bool IsOnline(string personId) => connections.ContainsKey(personId);

    /// <returns>Whether that is the person's first connection.</returns>
    public bool Connected(string personId) => connections.AddOrUpdate(personId, 1, (_, n) => n + 1) == 1;

    /// <returns>Whether that was the person's last connection.</returns>
    public bool Disconnected(string personId)
    {
        if (connections.AddOrUpdate(personId, 0, (_, n) => n - 1) > 0)
        {
            return false;
        }

        connections.TryRemove(new KeyValuePair<string, int>(personId, 0));
        return true;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Beat, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            foreach (var personId in connections.Keys)
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
