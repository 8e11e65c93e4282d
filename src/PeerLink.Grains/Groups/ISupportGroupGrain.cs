using PeerLink.Grains.Messages;

namespace PeerLink.Grains.Groups;

/// <summary>A support-group room (key: group id): its focus and capacity, its members, and its messages in order.</summary>
[GrainInterfaceType("peerlink.support-group")]
[Alias("peerlink.support-group-grain")]
public interface ISupportGroupGrain : IGrainWithStringKey
{
    /// <summary>Opens the room; refused if a room with this id exists.</summary>
    Task<GroupInfo> Create(GroupSettings settings);

    /// <summary>A read; may interleave, so no cycle of grains waiting on each other can block it.</summary>
    [AlwaysInterleave]
    Task<GroupInfo> GetInfo();

    /// <summary>Enters the room, or returns it as it is for someone already in; the others are told.</summary>
    Task<GroupInfo> Join(string personId);

    /// <summary>Leaves the room; leaving a room one is not in changes nothing.</summary>
    Task Leave(string personId);

    /// <summary>Stores a member's message and tells every member; returns once the message is stored.</summary>
    Task<MessageAck> SendMessage(string personId, string? text);

    /// <summary>A member's read of the messages after <paramref name="after"/>; may interleave with sends.</summary>
    [AlwaysInterleave]
    Task<MessagePage> GetMessages(string personId, long after, int limit);

    /// <summary>A member came online or went offline; the room is told. One-way, like every call from people to rooms.</summary>
    [OneWay]
    Task MemberPresenceChanged(string personId, bool online);

    /// <summary>A member's blocks changed. One-way: rooms and people never wait on each other.</summary>
    [OneWay]
    Task BlocksChanged(string personId, IReadOnlyList<string> blocked);

    /// <summary>A moderator watches the room: visibly, as a listed member, or quietly, unlisted.</summary>
    Task<GroupInfo> Watch(string moderatorId, bool quietly);

    /// <summary>
    /// The person is no longer a moderator: they stop watching quietly, and leave if they were in the room as a
    /// moderator. One-way, since it comes from the person's grain, which the room tells in turn.
    /// </summary>
    [OneWay]
    Task ModeratorRoleRemoved(string personId);

    /// <summary>A warning with a reason; it shows for 24 hours.</summary>
    Task Warn(string moderatorId, string personId, string reason);

    Task Mute(string moderatorId, string personId, TimeSpan duration, string reason);

    /// <summary>Removes a member, who may not come back for 24 hours.</summary>
    Task Remove(string moderatorId, string personId, string reason);

    /// <summary>Takes a message out of the room's history; its words are kept in the audit log.</summary>
    Task DeleteMessage(string moderatorId, long seq, string reason);

    /// <summary>Locks the room (no new members, only moderators post) or unlocks it.</summary>
    Task Lock(string moderatorId, bool locked, string reason);

    /// <summary>Pins a message for everyone to see, or unpins with null.</summary>
    Task Pin(string moderatorId, long? seq);

    /// <summary>The messages this person wrote here, for their data export; never anyone else's.</summary>
    [AlwaysInterleave]
    Task<MessagePage> GetOwnMessages(string personId);

    /// <summary>A person deletes their account: they leave, their messages lose their words, and the room is told.</summary>
    Task ForgetPerson(string personId);
}
