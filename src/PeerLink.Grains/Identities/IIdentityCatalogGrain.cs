
namespace PeerLink.Grains.Identities;

/// <param name="Version">Goes up with every change, so readers can keep a copy and refresh only when it moved.</param>
[GenerateSerializer, Immutable, Alias("peerlink.catalog-snapshot")]
public sealed record CatalogSnapshot([Id(0)] long Version, [Id(1)] IReadOnlyList<Identity> Identities);

/// <summary>The curated identity list, one per deployment (key <see cref="IdentityCatalogGrain.Key"/>).</summary>
[GrainInterfaceType("peerlink.identity-catalog")]
[Alias("peerlink.identity-catalog-grain")]
public interface IIdentityCatalogGrain : IGrainWithStringKey
{
    /// <summary>A read of an immutable snapshot, so it may run while an edit is being written.</summary>
    [AlwaysInterleave]
    Task<CatalogSnapshot> GetCatalog();

    /// <summary>Adds an identity or replaces the one with the same id; refused unless <paramref name="actorId"/> is an admin now.</summary>
    Task<CatalogSnapshot> Upsert(Identity identity, string actorId);

    /// <summary>Removes an identity and every link to it; refused unless <paramref name="actorId"/> is an admin now.</summary>
    Task<CatalogSnapshot> Remove(string identityId, string actorId);
}
