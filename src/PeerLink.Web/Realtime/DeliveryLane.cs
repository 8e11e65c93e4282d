using PeerLink.Grains.Events;

namespace PeerLink.Web.Realtime;

/// <summary>
/// One ordered queue of events and the one drain that sends them, so the people on a lane hear their events in
/// the order they were published. An event published while the lane is idle is sent at once, on the publishing
/// thread, rather than after a hop to another thread: in the load run that hop, queued behind the thread pool's
/// socket work, was a good part of what a message cost over bare SignalR.
/// </summary>
internal sealed class DeliveryLane(Func<PeerLinkEvent, Task> send)
{
    // Sent on the publisher's thread before the rest is handed to the thread pool, so a grain turn that
    // publishes is never held long by other people's events.
    private const int MaxInline = 4;

    private readonly Queue<PeerLinkEvent> queue = new();
    private bool draining;
    private bool closed;

    public void Publish(PeerLinkEvent e)
    {
        lock (queue)
        {
            if (closed)
            {
                return;
            }

            queue.Enqueue(e);
            if (draining)
            {
                return;
            }

            draining = true;
        }

        // Grains publish inside their turns, where TaskScheduler.Current is the activation's scheduler; the drain
        // (and SignalR's code under it) runs on the default scheduler so no continuation of it is ever queued
        // to the activation.
        var drain = new Task<Task>(static lane => ((DeliveryLane)lane!).DrainAsync(MaxInline), this);
        drain.RunSynchronously(TaskScheduler.Default);
    }

    /// <summary>Takes no more events; what is queued is dropped, as the server is stopping.</summary>
    public void Close()
    {
        lock (queue)
        {
            closed = true;
            queue.Clear();
        }
    }

    private async Task DrainAsync(int inlineBudget)
    {
        while (true)
        {
            PeerLinkEvent next;
            lock (queue)
            {
                if (!queue.TryDequeue(out next!))
                {
                    draining = false;
                    return;
                }
            }

            if (inlineBudget-- == 0)
            {
                // Still draining: the rest goes on on the thread pool, this one first.
                await Task.Yield();
            }

            await send(next).ConfigureAwait(false);
        }
    }
}
