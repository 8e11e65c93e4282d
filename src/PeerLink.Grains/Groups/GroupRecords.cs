namespace PeerLink.Grains.Groups;

/// <param name="Identities">The identities the room is for, as catalog ids; it may be for everyone (empty).</param>
/// <param name="Capacity">How many members may be in the room at once, not counting moderators.</param>
public sealed record GroupSettings(string Title, string? Description, IReadOnlyList<string> Identities, int Capacity);

/// <param name="Language">The member's first language when they joined: what their messages are screened in,
/// kept here so a message needs no call to the person's grain.</param>
public sealed record GroupMember(
    string PersonId,
    string Pseudonym,
    bool Moderator,
    DateTimeOffset JoinedAt,
    DateTimeOffset? WarnedUntil = null,
    DateTimeOffset? MutedUntil = null,
    string? Language = null);

/// <param name="LastSeq">The number of the room's latest message; 0 while it has none.</param>
public sealed record GroupInfo(
    string GroupId,
    string Title,
    string? Description,
    IReadOnlyList<string> Identities,
    int Capacity,
    IReadOnlyList<GroupMember> Members,
    long LastSeq,
    bool Locked = false,
    long? PinnedSeq = null,
    int MessagesLastFiveMinutes = 0);

public sealed class GroupState
{
    public GroupSettings? Settings { get; set; }

    public Dictionary<string, GroupMember> Members { get; set; } = [];

    /// <summary>Moderators watching quietly: they hear everything and are not listed.</summary>
    public HashSet<string> QuietWatchers { get; set; } = [];

    /// <summary>People a moderator removed, and until when they may not come back.</summary>
    public Dictionary<string, DateTimeOffset> RemovedUntil { get; set; } = [];

    public bool Locked { get; set; }

    public long? PinnedSeq { get; set; }

    /// <summary>The last message number the retention sweep has dealt with; the next sweep starts after it.</summary>
    public long ExpiredThrough { get; set; }
}
