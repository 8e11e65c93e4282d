using PeerLink.Grains.Messages;

namespace PeerLink.Grains.Conversations;

/// <summary>A one-to-one conversation (key: conversation id): its lifecycle and its messages, in order.</summary>
[GrainInterfaceType("peerlink.conversation")]
[Alias("peerlink.conversation-grain")]
public interface IConversationGrain : IGrainWithStringKey
{
    Task Start(ConversationStart start);

    /// <summary>Ends the conversation on behalf of a participant. Ending twice changes nothing.</summary>
    Task<ConversationInfo> End(string personId);

    /// <summary>Stores a participant's message and tells both people; returns once the message is stored.</summary>
    Task<MessageAck> SendMessage(string personId, string? text);

    /// <summary>A participant's read of the messages after <paramref name="after"/>; may interleave with sends.</summary>
    [AlwaysInterleave]
    Task<MessagePage> GetMessages(string personId, long after, int limit);

    /// <summary>A participant asks for a moderator; on-duty moderators are told. Returns the call's id.</summary>
    Task<string> CallModerator(string personId, string? reason);

    /// <summary>A moderator joins after a call or an alert; both participants are told.</summary>
    Task<ConversationInfo> JoinAsModerator(string moderatorId);

    /// <summary>A moderator leaves; both participants are told. Leaving a conversation one is not moderating changes nothing.</summary>
    Task LeaveAsModerator(string moderatorId);

    /// <summary>
    /// Ends a moderator's part here because they lost the role or deleted their account. One-way: people and
    /// conversations never wait on each other.
    /// </summary>
    [OneWay]
    Task RemoveModerator(string moderatorId, string reason);

    /// <summary>The last open call or alert about this conversation was resolved: every moderator in it leaves. One-way.</summary>
    [OneWay]
    Task ModerationClosed();

    Task<ConversationInfo> GiveFeedback(string personId, Feedback feedback);

    /// <summary>A read; may interleave, so no cycle of grains waiting on each other can block it.</summary>
    [AlwaysInterleave]
    Task<ConversationInfo> GetInfo();

    /// <summary>The messages this participant wrote, for their data export; never the partner's.</summary>
    [AlwaysInterleave]
    Task<MessagePage> GetOwnMessages(string personId);

    /// <summary>A participant deletes their account: the conversation ends if it was active, their messages lose their words, and everyone here is told.</summary>
    Task ForgetPerson(string personId);
}
