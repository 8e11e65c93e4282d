using PeerLink.Grains.Messages;
using PeerLink.Silo;

namespace PeerLink.Grains.Groups;

/// <summary>A support-group room (key: group id): its focus and capacity, its members, and its messages in order.</summary>
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
    Task<MessageAck> SendMessage(string personId, string text);

    /// <summary>A member's read of the messages after <paramref name="after"/>; may interleave with sends.</summary>
    [AlwaysInterleave]
    Task<MessagePage> GetMessages(string personId, long after, int limit);
}
