namespace PeerLink.Grains.Groups;

/// <param name="Identities">The identities the room is for, as catalog ids; it may be for everyone (empty).</param>
/// <param name="Capacity">How many members may be in the room at once, not counting moderators.</param>
[GenerateSerializer, Immutable, Alias("peerlink.group-settings")]
public sealed record GroupSettings([Id(0)] string Title, [Id(1)] string? Description, [Id(2)] IReadOnlyList<string> Identities, [Id(3)] int Capacity);

/// <param name="Language">The member's first language when they joined: what their messages are screened in,
/// kept here so a message needs no call to the person's grain.</param>
[GenerateSerializer, Immutable, Alias("peerlink.group-member")]
public sealed record GroupMember(
    [Id(0)] string PersonId,
    [Id(1)] string Pseudonym,
    [Id(2)] bool Moderator,
    [Id(3)] DateTimeOffset JoinedAt,
    [Id(4)] DateTimeOffset? WarnedUntil = null,
    [Id(5)] DateTimeOffset? MutedUntil = null,
    [Id(6)] string? Language = null);

/// <param name="LastSeq">The number of the room's latest message; 0 while it has none.</param>
/// <param name="Online">The members online now, as the room keeps them.</param>
[GenerateSerializer, Immutable, Alias("peerlink.group-info")]
public sealed record GroupInfo(
    [Id(0)] string GroupId,
    [Id(1)] string Title,
    [Id(2)] string? Description,
    [Id(3)] IReadOnlyList<string> Identities,
    [Id(4)] int Capacity,
    [Id(5)] IReadOnlyList<GroupMember> Members,
    [Id(6)] long LastSeq,
    [Id(7)] bool Locked = false,
    [Id(8)] long? PinnedSeq = null,
    [Id(9)] int MessagesLastFiveMinutes = 0,
    [Id(10)] IReadOnlyList<string>? Online = null);

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
