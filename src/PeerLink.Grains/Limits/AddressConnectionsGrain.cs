using Microsoft.Extensions.Options;
using PeerLink.Grains.Matching;

namespace PeerLink.Grains.Limits;

/// <summary>
/// Counts one address's connections per node, with the same timeout as a person's presence: a node that dies stops
/// counting within it. The address lives only in this activation's key, which Orleans collects once the address
/// has gone quiet.
/// </summary>
[GrainType("addressconnections")]
public sealed class AddressConnectionsGrain(TimeProvider time, IOptions<MatchingOptions> options) : Grain, IAddressConnectionsGrain
{
    private readonly NodeLeases connections = new(options.Value.PresenceTimeout);

    public Task<bool> TryOpen(string nodeId, int cap) =>
        Task.FromResult(connections.TryOpen(GrainKeys.Validate(nodeId), cap, time.GetUtcNow()));

    public Task Close(string nodeId)
    {
        connections.Close(nodeId);
        return Task.CompletedTask;
    }

    public Task Hold(string nodeId, int connections)
    {
        this.connections.Hold(GrainKeys.Validate(nodeId), connections, time.GetUtcNow());
        return Task.CompletedTask;
    }
}
