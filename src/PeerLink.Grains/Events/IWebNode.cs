namespace PeerLink.Grains.Events;

/// <summary>
/// A web node that runs as an Orleans client beside dedicated silos (PeerLink:Web:SiloMode=Client). Its grains live on
/// the silos, so a silo hands it the events they publish, and the node hands them to SignalR's Redis backplane, which
/// reaches whichever web node holds the person.
/// </summary>
[Alias("peerlink.web-node")]
public interface IWebNode : IGrainObserver
{
    /// <summary>
    /// Events in the order they were published. A silo sends a node its next batch only once this one is taken, so
    /// the order holds; a node that does not answer within the timeout is passed over and the batch goes to another.
    /// </summary>
    [ResponseTimeout("00:00:02")]
    Task Deliver(IReadOnlyList<PeerLinkEvent> events);
}
