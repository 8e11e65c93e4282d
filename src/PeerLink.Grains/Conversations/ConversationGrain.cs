using PeerLink.Grains.Events;
using PeerLink.Grains.Messages;
using PeerLink.Grains.People;
using PeerLink.Silo;

namespace PeerLink.Grains.Conversations;

public sealed class ConversationGrain(
    [PersistentState("conversation")] IPersistentState<ConversationState> conversation,
    [PersistentLog("messages")] IPersistentLog<StoredMessage> messages,
    TimeProvider time,
    IPeerLinkEvents events) : Grain, IConversationGrain
{
    private ConversationState State => conversation.State;

    public async Task Start(ConversationStart start)
    {
        if (State.Status != ConversationStatus.NotStarted)
        {
            throw new RuleViolationException("conversation-exists", "This conversation has already started.");
        }

        State.Start = start;
        State.Status = ConversationStatus.Active;
        State.StartedAt = time.GetUtcNow();
        await conversation.WriteStateAsync();
    }

    public async Task<ConversationInfo> End(string personId)
    {
        var start = RequireParticipant(personId);
        if (State.Status == ConversationStatus.Ended)
        {
            return Info();
        }

        var endedAt = time.GetUtcNow();
        State.Status = ConversationStatus.Ended;
        State.EndedAt = endedAt;
        State.EndedBy = personId;
        await conversation.WriteStateAsync();

        var id = GetPrimaryKeyString();
        await GrainFactory.GetGrain<IPersonGrain>(start.SeekerId).ConversationEnded(id, start.PeerId, asPeer: false, start.Language, endedAt);
        await GrainFactory.GetGrain<IPersonGrain>(start.PeerId).ConversationEnded(id, start.SeekerId, asPeer: true, start.Language, endedAt);
        events.Publish(new ConversationEnded(start.SeekerId, id, personId));
        events.Publish(new ConversationEnded(start.PeerId, id, personId));
        return Info();
    }

    public async Task<MessageAck> SendMessage(string personId, string text)
    {
        var start = RequireParticipant(personId);
        if (State.Status != ConversationStatus.Active)
        {
            throw new RuleViolationException("conversation-ended", "This conversation has ended; messages can no longer be sent.");
        }

        var body = Validation.MessageText(text);
        var sentAt = time.GetUtcNow();
        var pseudonym = personId == start.SeekerId ? start.SeekerPseudonym : start.PeerPseudonym;

        // Stored first: nobody hears of a message that a crash could still lose.
        var seq = await messages.AppendAsync(new StoredMessage(personId, pseudonym, body, sentAt));
        var id = GetPrimaryKeyString();
        events.Publish(new MessageReceived(start.SeekerId, id, seq, personId, body, sentAt));
        events.Publish(new MessageReceived(start.PeerId, id, seq, personId, body, sentAt));
        return new MessageAck(seq, sentAt);
    }

    public Task<MessagePage> GetMessages(string personId, long after, int limit)
    {
        RequireParticipant(personId);
        return MessageHistory.ReadPageAsync(messages, after, limit);
    }

    public async Task<ConversationInfo> GiveFeedback(string personId, Feedback feedback)
    {
        RequireParticipant(personId);
        if (State.Status != ConversationStatus.Ended)
        {
            throw new RuleViolationException("conversation-active", "Feedback comes once the conversation has ended.");
        }

        if (feedback.Rating is < 1 or > 5)
        {
            throw new RuleViolationException("feedback-invalid", "A rating is from 1 (not helpful) to 5 (very helpful).");
        }

        State.Feedback[personId] = feedback;
        await conversation.WriteStateAsync();
        await GrainFactory.GetGrain<IPersonGrain>(personId).RecordFeedback(GetPrimaryKeyString(), feedback);
        return Info();
    }

    public Task<ConversationInfo> GetInfo()
    {
        if (State.Start is null)
        {
            throw new RuleViolationException("conversation-unknown", "There is no such conversation.");
        }

        return Task.FromResult(Info());
    }

    private ConversationStart RequireParticipant(string personId)
    {
        var start = State.Start ?? throw new RuleViolationException("conversation-unknown", "There is no such conversation.");
        if (personId != start.SeekerId && personId != start.PeerId)
        {
            throw new RuleViolationException("not-a-participant", "Only the two people in a conversation can do that.");
        }

        return start;
    }

    private ConversationInfo Info() => new(
        GetPrimaryKeyString(),
        State.Status,
        State.Start!.SeekerId,
        State.Start.SeekerPseudonym,
        State.Start.PeerId,
        State.Start.PeerPseudonym,
        State.Start.Reason,
        State.Start.SeekerIdentities,
        State.Start.Language,
        State.StartedAt,
        State.EndedAt,
        State.EndedBy,
        State.Feedback);
}
