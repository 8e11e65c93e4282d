namespace PeerLink.Grains.Events;

/// <summary>
/// The web nodes that take events from dedicated silos (<see cref="IWebNode"/>): one activation for the cluster, key 0.
/// Memory only: after a failover it is empty until the nodes renew, within <see cref="WebNodesGrain.RenewEvery"/>.
/// </summary>
[GrainInterfaceType("peerlink.web-nodes")]
[Alias("peerlink.web-nodes-grain")]
public interface IWebNodesGrain : IGrainWithIntegerKey
{
    /// <summary>The node is up and takes events. Said again every <see cref="WebNodesGrain.RenewEvery"/>, or it lapses.</summary>
    Task Subscribe(IWebNode node);

    /// <summary>The node is stopping.</summary>
    Task Unsubscribe(IWebNode node);

    /// <summary>The nodes that said they are up within the last three renewals.</summary>
    Task<IReadOnlyList<IWebNode>> Nodes();
}
