using PeerLink.Grains.Events;

namespace PeerLink.Web.Realtime;

/// <summary>
/// One ordered queue of events and the one drain that sends them, so the people on a lane hear their events in
/// the order they were published. An event published while the lane is idle is sent at once, on the publishing
/// thread, rather than after a hop to another thread: in the load run that hop, queued behind the thread pool's
/// socket work, was a good part of what a message cost over bare SignalR.
/// </summary>
/// <remarks>
/// Sends are started in order and the drain does not wait for one to finish before starting the next, up to
/// <see cref="MaxInFlight"/> at once: what must keep the order is where a send is handed on, and both ways PeerLink
/// sends hand it on before their first wait (the one-node outbox queues it; the Redis backplane's publish is queued
/// on its connection, which Redis then delivers in order). Awaiting each publish in turn had held a node of a cluster
/// to one Redis round trip per send per lane: 2,000 messages a second across two nodes ran seconds behind.
/// </remarks>
internal sealed class DeliveryLane(Func<PeerLinkEvent, Task> send)
{
    // Sent on the publisher's thread before the rest is handed to the thread pool, so a grain turn that
    // publishes is never held long by other people's events.
    private const int MaxInline = 4;

    /// <summary>Sends started and not yet finished, at most; then the drain waits for the oldest.</summary>
    public const int MaxInFlight = 128;

    // Touched only by the drain, and drains follow one another under the queue's lock.
    private readonly Queue<Task> inFlight = new();
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

            while (inFlight.TryPeek(out var oldest) && oldest.IsCompleted)
            {
                _ = inFlight.Dequeue();
            }

            if (inFlight.Count >= MaxInFlight)
            {
                await inFlight.Dequeue().ConfigureAwait(false);
            }

            var sending = send(next);
            if (!sending.IsCompleted)
            {
                inFlight.Enqueue(sending);
            }
        }
    }
}
