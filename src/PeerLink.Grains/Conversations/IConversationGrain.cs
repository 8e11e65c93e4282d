using PeerLink.Silo;

namespace PeerLink.Grains.Conversations;

/// <summary>A one-to-one conversation's lifecycle (key: conversation id). Messages come with the live-conversation work.</summary>
public interface IConversationGrain : IGrainWithStringKey
{
    Task Start(ConversationStart start);

    /// <summary>Ends the conversation on behalf of a participant. Ending twice changes nothing.</summary>
    Task<ConversationInfo> End(string personId);

    Task<ConversationInfo> GiveFeedback(string personId, Feedback feedback);

    /// <summary>A read; may interleave, so no cycle of grains waiting on each other can block it.</summary>
    [AlwaysInterleave]
    Task<ConversationInfo> GetInfo();
}
