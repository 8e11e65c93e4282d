namespace PeerLink.Grains.Limits;

/// <summary>
/// The live hub connections that come from one network address (key: the address), counted over every web node of
/// the cluster so that the cap on them holds however the connections are spread. Memory only; nothing is stored.
/// </summary>
[GrainInterfaceType("peerlink.address-connections")]
[Alias("peerlink.address-connections-grain")]
public interface IAddressConnectionsGrain : IGrainWithStringKey
{
    /// <summary>Counts one more connection on the node, unless the nodes hold <paramref name="cap"/> from this address already (then false).</summary>
    Task<bool> TryOpen(string nodeId, int cap);

    /// <summary>One of the node's connections from this address closed.</summary>
    Task Close(string nodeId);

    /// <summary>The node's heartbeat: it holds <paramref name="connections"/> from this address now; what it said lapses unless it says it again.</summary>
    Task Hold(string nodeId, int connections);
}
