using PeerLink.Grains.Events;
using PeerLink.Grains.Moderation;
using PeerLink.Grains.People;

namespace PeerLink.Grains.Conversations;

/// <summary>
/// "Call a moderator": a participant asks, an on-duty moderator joins, and both participants see it.
/// A moderator can read and write in a conversation only after a call or a crisis alert about it.
/// </summary>
public sealed partial class ConversationGrain
{
    public async Task<string> CallModerator(string personId, string? reason)
    {
        var start = RequireParticipant(personId);
        if (State.Status != ConversationStatus.Active)
        {
            throw new RuleViolationException("conversation-ended", "This conversation has ended.");
        }

        var call = new ModeratorCall(
            Guid.NewGuid().ToString("N"),
            GetPrimaryKeyString(),
            personId,
            personId == start.SeekerId ? start.SeekerPseudonym : start.PeerPseudonym,
            string.IsNullOrWhiteSpace(reason) ? null : Validation.Topic(reason),
            time.GetUtcNow());
        await GrainFactory.GetGrain<IModerationGrain>(ModerationGrain.Key).CallModerator(call);
        return call.CallId;
    }

    public async Task<ConversationInfo> JoinAsModerator(string moderatorId)
    {
        var start = State.Start ?? throw new RuleViolationException("conversation-unknown", "There is no such conversation.");
        if (State.Moderators.ContainsKey(moderatorId))
        {
            return Info();
        }

        var profile = await GrainFactory.GetGrain<IPersonGrain>(moderatorId).GetProfile();
        if (!profile.Roles.HasFlag(Role.Moderator))
        {
            throw new RuleViolationException("not-a-moderator", "Only moderators can join a conversation.");
        }

        // Privacy: a one-to-one conversation is opened to a moderator only when someone asked or risk was found.
        if (!await GrainFactory.GetGrain<IModerationGrain>(ModerationGrain.Key).IsOpenFor(GetPrimaryKeyString()))
        {
            throw new RuleViolationException("no-open-call", "A moderator joins a conversation only after a call or a crisis alert about it.");
        }

        State.Moderators[moderatorId] = profile.Pseudonym;
        await conversation.WriteStateAsync();
        await GrainFactory.GetGrain<IAuditLogGrain>(AuditLogGrain.Key).Append(
            new AuditEntry(moderatorId, "join-conversation", "conversation", GetPrimaryKeyString(), null, time.GetUtcNow()));
        foreach (var recipient in Everyone(start))
        {
            events.Publish(new ModeratorJoined(recipient, GetPrimaryKeyString(), moderatorId, profile.Pseudonym));
        }

        return Info();
    }

    private ConversationStart RequireParticipantOrModerator(string personId) =>
        State.Start is { } start && State.Moderators.ContainsKey(personId) ? start : RequireParticipant(personId);

    /// <summary>The two participants and any moderator who joined.</summary>
    private IEnumerable<string> Everyone(ConversationStart start) => [start.SeekerId, start.PeerId, .. State.Moderators.Keys];
}
