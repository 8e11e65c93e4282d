using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PeerLink.Grains.Events;

namespace PeerLink.Silo.Events;

/// <summary>
/// Where the grains of a dedicated silo publish. The web nodes are Orleans clients there (PeerLink:Web:SiloMode=Client),
/// so each event goes to one of them (<see cref="IWebNode"/>), which hands it to SignalR's Redis backplane. A person's
/// events take the same node while the set of nodes holds, and a node has one batch in flight at a time, so a person
/// hears their events in the order their grains published them. Which nodes there are comes from
/// <see cref="IWebNodesGrain"/>, asked every two seconds; a node that fails a delivery is passed over until it has
/// had time to lapse there, and what it was given goes to another.
/// </summary>
public sealed partial class WebNodeEvents(IGrainFactory grains, TimeProvider time, ILogger<WebNodeEvents> logger) : BackgroundService, IPeerLinkEvents
{
    private static readonly TimeSpan Refresh = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan PassOver = 3 * WebNodesGrain.RenewEvery;

    private readonly Lock gate = new();
    private readonly Dictionary<GrainId, DateTimeOffset> passedOver = [];
    private WebNodeOutbox[] route = [];

    public void Publish(PeerLinkEvent e)
    {
        // A node retired between reading the route and queueing refuses the event; the route read again has the rest.
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var outboxes = Volatile.Read(ref route);
            if (outboxes.Length == 0)
            {
                // No web node is up, so nobody is connected to be told; what is stored stays readable.
                LogNoWebNode(logger, e.GetType().Name);
                return;
            }

            if (outboxes[(int)((uint)StringComparer.Ordinal.GetHashCode(e.RecipientId) % (uint)outboxes.Length)].TryEnqueue(e))
            {
                return;
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Refresh, time);
        try
        {
            do
            {
                try
                {
                    Update(await grains.GetGrain<IWebNodesGrain>(0).Nodes());
                }
                catch (Exception error) when (!stoppingToken.IsCancellationRequested)
                {
                    // While the cluster is still choosing where that grain lives; the routes kept meanwhile still work.
                    LogRefreshFailed(logger, error);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
        finally
        {
            foreach (var outbox in Interlocked.Exchange(ref route, []))
            {
                outbox.Retire();
            }
        }
    }

    /// <summary>A delivery to the node failed: it is passed over, and what it held goes to the others.</summary>
    internal void Failed(WebNodeOutbox failed, IReadOnlyList<PeerLinkEvent> undelivered, Exception error)
    {
        LogDeliveryFailed(logger, failed.Id.ToString(), undelivered.Count, error);
        lock (gate)
        {
            passedOver[failed.Id] = time.GetUtcNow() + PassOver;
            Volatile.Write(ref route, [.. route.Where(o => o != failed)]);
        }

        failed.Retire();
        foreach (var e in undelivered.Concat(failed.TakeQueued()))
        {
            Publish(e);
        }
    }

    private void Update(IReadOnlyList<IWebNode> listed)
    {
        List<WebNodeOutbox> retired;
        lock (gate)
        {
            var now = time.GetUtcNow();
            foreach (var lapsed in passedOver.Where(p => p.Value <= now).Select(p => p.Key).ToList())
            {
                passedOver.Remove(lapsed);
            }

            // A web-nodes grain that has just moved to another silo knows no node until they renew: keep the routes.
            if (listed.Count == 0 && route.Length > 0)
            {
                return;
            }

            var wanted = listed.Where(n => !passedOver.ContainsKey(n.GetGrainId()))
                .OrderBy(n => n.GetGrainId().ToString(), StringComparer.Ordinal).ToList();
            if (wanted.Select(n => n.GetGrainId()).SequenceEqual(route.Select(o => o.Id)))
            {
                return;
            }

            var current = route.ToDictionary(o => o.Id);
            var next = wanted.Select(n => current.Remove(n.GetGrainId(), out var kept) ? kept : WebNodeOutbox.Start(n, this, logger)).ToArray();
            Volatile.Write(ref route, next);
            retired = [.. current.Values];
            LogRoute(logger, next.Length);
        }

        // A node that unsubscribed or lapsed: what it had not been sent yet goes to the others.
        foreach (var outbox in retired)
        {
            outbox.Retire();
            foreach (var e in outbox.TakeQueued())
            {
                Publish(e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "No web node takes events yet; {Event} is not delivered live")]
    private static partial void LogNoWebNode(ILogger logger, string @event);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not ask which web nodes take events")]
    private static partial void LogRefreshFailed(ILogger logger, Exception error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Web node {Node} did not take {Count} events; they go to another node")]
    private static partial void LogDeliveryFailed(ILogger logger, string node, int count, Exception error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Events go to {Count} web nodes")]
    private static partial void LogRoute(ILogger logger, int count);
}
