using PeerLink.Grains.Logs;
using PeerLink.Grains.Events;
using PeerLink.Grains.Messages;
using PeerLink.Grains.Moderation;
using PeerLink.Grains.Safety;
using PeerLink.Grains.Telemetry;
using PeerLink.Grains.People;

namespace PeerLink.Grains.Conversations;

/// <summary>A one-to-one conversation's lifecycle and messages; a moderator's part in it is in ConversationGrain.Moderation.cs.</summary>
[GrainType("conversation")]
public sealed partial class ConversationGrain(
    [PersistentState("conversation")] IPersistentState<ConversationState> conversation,
    [PersistentLog("messages")] IPersistentLog<StoredMessage> messages,
    MessageScreen screen,
    TimeProvider time,
    IPeerLinkEvents events,
    PeerLinkMetrics metrics) : Grain, IConversationGrain
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
            // Told again, which they take once: an end whose telling failed midway (a silo died under one of them)
            // is finished by the next call to end it, rather than leaving someone in a conversation for good.
            await TellEndedAsync(start, State.EndedAt!.Value);
            return Info();
        }

        var endedAt = time.GetUtcNow();
        State.Status = ConversationStatus.Ended;
        State.EndedAt = endedAt;
        State.EndedBy = personId;

        // Armed before the end is stored: a purge that finds the conversation still active does nothing.
        await SchedulePurgeAsync(endedAt);
        await conversation.WriteStateAsync();

        var id = this.GetPrimaryKeyString();
        await TellEndedAsync(start, endedAt);
        foreach (var recipient in Everyone(start))
        {
            events.Publish(new ConversationEnded(recipient, id, personId));
        }
        return Info();
    }

    public async Task<MessageAck> SendMessage(string personId, string? text)
    {
        var start = await RequireParticipantOrModeratorAsync(personId);
        if (State.Status != ConversationStatus.Active)
        {
            throw new RuleViolationException("conversation-ended", "This conversation has ended; messages can no longer be sent.");
        }

        var screened = screen.Screen(Validation.MessageText(text), start.Language);
        var sentAt = time.GetUtcNow();
        var pseudonym = personId == start.SeekerId ? start.SeekerPseudonym
            : personId == start.PeerId ? start.PeerPseudonym
            : State.Moderators[personId];

        // Stored first: nobody hears of a message that a crash could still lose.
        var seq = await messages.AppendAsync(new StoredMessage(personId, pseudonym, screened.Text, sentAt));
        metrics.MessageSent("conversation");
        var id = this.GetPrimaryKeyString();
        foreach (var recipient in Everyone(start))
        {
            events.Publish(new MessageReceived(recipient, id, seq, personId, screened.Text, sentAt));
        }

        if (screened.Assessment.Level == RiskLevel.High)
        {
            // The writer and the peer both see where to turn, at once; moderators hear of it too.
            var resources = screen.ResourcesFor(start.Language);
            events.Publish(new CrisisResourcesOffered(start.SeekerId, id, null, resources));
            events.Publish(new CrisisResourcesOffered(start.PeerId, id, null, resources));
            await GrainFactory.GetGrain<IModerationGrain>(ModerationGrain.Key).RaiseCrisisAlert(new CrisisAlert(
                Guid.NewGuid().ToString("N"), id, null, seq, personId, pseudonym, RiskLevel.High, screened.Text, screened.Assessment.MatchedRule, sentAt));
        }

        return new MessageAck(seq, sentAt);
    }

    public async Task<MessagePage> GetMessages(string personId, long after, int limit)
    {
        await RequireParticipantOrModeratorAsync(personId);
        return await ReadTranscriptAsync(after, limit);
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
        await GrainFactory.GetGrain<IPersonGrain>(personId).RecordFeedback(this.GetPrimaryKeyString(), feedback);
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

    private async Task TellEndedAsync(ConversationStart start, DateTimeOffset endedAt)
    {
        var id = this.GetPrimaryKeyString();
        await GrainFactory.GetGrain<IPersonGrain>(start.SeekerId).ConversationEnded(id, start.PeerId, asPeer: false, start.Language, endedAt);
        await GrainFactory.GetGrain<IPersonGrain>(start.PeerId).ConversationEnded(id, start.SeekerId, asPeer: true, start.Language, endedAt);
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
        this.GetPrimaryKeyString(),
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
        new Dictionary<string, Feedback>(State.Feedback));
}
