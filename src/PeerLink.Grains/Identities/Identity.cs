namespace PeerLink.Grains.Identities;

/// <param name="Id">A stable slug such as "new-parent".</param>
/// <param name="Name">How one person is named: "New parent".</param>
/// <param name="Members">How several are named, for match reasons: "new parents".</param>
/// <param name="Related">Ids of identities close enough to widen a search to ("new-parent" ~ "carer").</param>
public sealed record Identity(string Id, string Name, string Members, string Description, IReadOnlyList<string> Related);
