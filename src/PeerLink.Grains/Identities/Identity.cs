namespace PeerLink.Grains.Identities;

/// <param name="Id">A stable slug such as "new-parent".</param>
/// <param name="Name">How one person is named: "New parent".</param>
/// <param name="Members">How several are named, for match reasons: "new parents".</param>
/// <param name="Related">Ids of identities close enough to widen a search to ("new-parent" ~ "carer").</param>
[GenerateSerializer, Immutable, Alias("peerlink.identity")]
public sealed record Identity([Id(0)] string Id, [Id(1)] string Name, [Id(2)] string Members, [Id(3)] string Description, [Id(4)] IReadOnlyList<string> Related);
