using PeerLink.Grains.Events;

namespace PeerLink.Web.Realtime;

/// <summary>
/// On a web node that runs as an Orleans client: tells the cluster that this node takes events
/// (<see cref="IWebNodesGrain"/>), again every <see cref="WebNodesGrain.RenewEvery"/>, and hands what the silos deliver
/// to <see cref="SignalREvents"/>, whose backplane reaches the node that holds each person.
/// </summary>
internal sealed partial class WebNodeSubscription(IGrainFactory grains, SignalREvents events, TimeProvider time, ILogger<WebNodeSubscription> logger)
    : BackgroundService, IWebNode
{
    private IWebNode? reference;
    private long lastRenewedTicks;

    /// <summary>When the cluster last heard from this node; null before the first time.</summary>
    public DateTimeOffset? LastRenewed => Interlocked.Read(ref lastRenewedTicks) is > 0 and var ticks ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;

    public Task Deliver(IReadOnlyList<PeerLinkEvent> delivered)
    {
        foreach (var e in delivered)
        {
            events.Publish(e);
        }

        return Task.CompletedTask;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        reference = grains.CreateObjectReference<IWebNode>(this);
        using var timer = new PeriodicTimer(WebNodesGrain.RenewEvery, time);
        try
        {
            do
            {
                try
                {
                    await grains.GetGrain<IWebNodesGrain>(0).Subscribe(reference);
                    Interlocked.Exchange(ref lastRenewedTicks, time.GetUtcNow().UtcTicks);
                }
                catch (Exception error) when (!stoppingToken.IsCancellationRequested)
                {
                    LogRenewFailed(logger, error);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (reference is null)
        {
            return;
        }

        // So the silos stop sending here at once rather than after a failed delivery.
        try
        {
            await grains.GetGrain<IWebNodesGrain>(0).Unsubscribe(reference).WaitAsync(TimeSpan.FromSeconds(2), cancellationToken);
        }
        catch (Exception error)
        {
            LogUnsubscribeFailed(logger, error);
        }

        grains.DeleteObjectReference<IWebNode>(reference);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not tell the cluster that this web node takes events; trying again")]
    private static partial void LogRenewFailed(ILogger logger, Exception error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not tell the cluster that this web node stops taking events")]
    private static partial void LogUnsubscribeFailed(ILogger logger, Exception error);
}
