namespace PeerLink.Grains.Groups;

/// <param name="Identities">The identities the room is for, as catalog ids; it may be for everyone (empty).</param>
/// <param name="Capacity">How many members may be in the room at once, not counting moderators.</param>
public sealed record GroupSettings(string Title, string? Description, IReadOnlyList<string> Identities, int Capacity);

public sealed record GroupMember(string PersonId, string Pseudonym, bool Moderator, DateTimeOffset JoinedAt);

/// <param name="LastSeq">The number of the room's latest message; 0 while it has none.</param>
public sealed record GroupInfo(
    string GroupId,
    string Title,
    string? Description,
    IReadOnlyList<string> Identities,
    int Capacity,
    IReadOnlyList<GroupMember> Members,
    long LastSeq);

public sealed class GroupState
{
    public GroupSettings? Settings { get; set; }

    public Dictionary<string, GroupMember> Members { get; set; } = [];
}
