using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using PeerLink.Grains.Events;

namespace PeerLink.Silo.Events;

/// <summary>
/// The events waiting for one web node, sent in batches with one in flight at a time: a person's events keep their
/// order, and a grain that publishes never waits for the node. Bounded, so a node that stops answering costs a silo
/// at most <see cref="Capacity"/> events before it is passed over (its delivery times out first).
/// </summary>
internal sealed partial class WebNodeOutbox
{
    private const int MaxBatch = 256;
    private const int Capacity = 100_000;

    private readonly IWebNode node;
    private readonly WebNodeEvents owner;
    private readonly ILogger logger;
    private readonly Channel<PeerLinkEvent> queue;
    private int dropped;

    private WebNodeOutbox(IWebNode node, WebNodeEvents owner, ILogger logger)
    {
        this.node = node;
        this.owner = owner;
        this.logger = logger;
        Id = node.GetGrainId();
        queue = Channel.CreateBounded<PeerLinkEvent>(
            new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.DropWrite },
            _ => Interlocked.Increment(ref dropped));
    }

    public GrainId Id { get; }

    public static WebNodeOutbox Start(IWebNode node, WebNodeEvents owner, ILogger logger)
    {
        var outbox = new WebNodeOutbox(node, owner, logger);

        // On the thread pool, not on the scheduler of whichever grain happened to publish first.
        _ = Task.Run(outbox.SendAsync);
        return outbox;
    }

    /// <summary>False once the outbox is retired: the caller routes the event again.</summary>
    public bool TryEnqueue(PeerLinkEvent e) => queue.Writer.TryWrite(e);

    /// <summary>Takes no more events; the sender stops after the batch in flight.</summary>
    public void Retire() => queue.Writer.TryComplete();

    /// <summary>What was queued and not yet taken by the sender, for another node (the sender may still take some: two readers).</summary>
    public IEnumerable<PeerLinkEvent> TakeQueued()
    {
        while (queue.Reader.TryRead(out var e))
        {
            yield return e;
        }
    }

    private async Task SendAsync()
    {
        var batch = new List<PeerLinkEvent>(MaxBatch);
        while (await queue.Reader.WaitToReadAsync())
        {
            while (batch.Count < MaxBatch && queue.Reader.TryRead(out var e))
            {
                batch.Add(e);
            }

            if (Interlocked.Exchange(ref dropped, 0) is > 0 and var lost)
            {
                LogDropped(logger, Id.ToString(), lost);
            }

            try
            {
                await node.Deliver([.. batch]);
            }
            catch (Exception error)
            {
                owner.Failed(this, [.. batch], error);
                return;
            }

            batch.Clear();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Web node {Node} fell {Count} events behind its bound; they were not delivered live")]
    private static partial void LogDropped(ILogger logger, string node, int count);
}
