using PeerLink.Silo;

namespace PeerLink.Grains.Identities;

/// <param name="Version">Goes up with every change, so readers can keep a copy and refresh only when it moved.</param>
public sealed record CatalogSnapshot(long Version, IReadOnlyList<Identity> Identities);

/// <summary>The curated identity list, one per deployment (key <see cref="IdentityCatalogGrain.Key"/>).</summary>
public interface IIdentityCatalogGrain : IGrainWithStringKey
{
    /// <summary>A read of an immutable snapshot, so it may run while an edit is being written.</summary>
    [AlwaysInterleave]
    Task<CatalogSnapshot> GetCatalog();

    /// <summary>Adds an identity or replaces the one with the same id.</summary>
    Task<CatalogSnapshot> Upsert(Identity identity);

    /// <summary>Removes an identity and every link to it.</summary>
    Task<CatalogSnapshot> Remove(string identityId);
}
