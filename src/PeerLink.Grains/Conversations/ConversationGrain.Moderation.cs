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
            this.GetPrimaryKeyString(),
            personId,
            personId == start.SeekerId ? start.SeekerPseudonym : start.PeerPseudonym,
            string.IsNullOrWhiteSpace(reason) ? null : Validation.Topic(reason),
            time.GetUtcNow());
        return await GrainFactory.GetGrain<IModerationGrain>(ModerationGrain.Key).CallModerator(call);
    }

    public async Task<ConversationInfo> JoinAsModerator(string moderatorId)
    {
        var start = State.Start ?? throw new RuleViolationException("conversation-unknown", "There is no such conversation.");
        var profile = await GrainFactory.GetGrain<IPersonGrain>(moderatorId).GetProfile();
        if (!profile.Roles.HasFlag(Role.Moderator))
        {
            throw new RuleViolationException("not-a-moderator", "Only moderators can join a conversation.");
        }

        // Privacy: a one-to-one conversation is opened to a moderator only while someone's call or a crisis alert
        // about it is open; resolving the last one closes it again (ModerationClosed).
        if (!await IsOpenToModeratorsAsync())
        {
            throw new RuleViolationException("no-open-call", "A moderator joins a conversation only after a call or a crisis alert about it.");
        }

        if (State.Moderators.ContainsKey(moderatorId))
        {
            return Info();
        }

        State.Moderators[moderatorId] = profile.Pseudonym;
        await conversation.WriteStateAsync();
        await AuditAsync(moderatorId, "join-conversation", reason: null);
        await GrainFactory.GetGrain<IPersonGrain>(moderatorId).ModeratingChanged(this.GetPrimaryKeyString(), moderating: true);
        foreach (var recipient in Everyone(start))
        {
            events.Publish(new ModeratorJoined(recipient, this.GetPrimaryKeyString(), moderatorId, profile.Pseudonym));
        }

        return Info();
    }

    public Task LeaveAsModerator(string moderatorId) => RemoveModeratorAsync(moderatorId, "left");

    public Task RemoveModerator(string moderatorId, string reason) => RemoveModeratorAsync(moderatorId, reason);

    public async Task ModerationClosed()
    {
        // The desk says nothing is open any more; it is asked again, since a new call may have come meanwhile.
        if (State.Moderators.Count == 0 || await IsOpenToModeratorsAsync())
        {
            return;
        }

        foreach (var moderatorId in State.Moderators.Keys.ToList())
        {
            await RemoveModeratorAsync(moderatorId, "call-resolved");
        }
    }

    /// <summary>
    /// The participants, or a moderator whose part here is still good: still a moderator, and a call or alert still
    /// open. A moderator who is not any more is taken out on the spot, so no later message reaches them.
    /// </summary>
    private async Task<ConversationStart> RequireParticipantOrModeratorAsync(string personId)
    {
        if (State.Start is not { } start || !State.Moderators.ContainsKey(personId))
        {
            return RequireParticipant(personId);
        }

        var profile = await GrainFactory.GetGrain<IPersonGrain>(personId).GetProfile();
        if (!profile.Roles.HasFlag(Role.Moderator))
        {
            await RemoveModeratorAsync(personId, "role-removed");
            return RequireParticipant(personId);
        }

        if (!await IsOpenToModeratorsAsync())
        {
            await RemoveModeratorAsync(personId, "call-resolved");
            return RequireParticipant(personId);
        }

        return start;
    }

    private async Task RemoveModeratorAsync(string moderatorId, string reason)
    {
        if (State.Start is not { } start || !State.Moderators.Remove(moderatorId, out var pseudonym))
        {
            return;
        }

        await conversation.WriteStateAsync();
        await AuditAsync(moderatorId, "leave-conversation", reason);
        await GrainFactory.GetGrain<IPersonGrain>(moderatorId).ModeratingChanged(this.GetPrimaryKeyString(), moderating: false);
        foreach (var recipient in Everyone(start).Append(moderatorId))
        {
            events.Publish(new ModeratorLeft(recipient, this.GetPrimaryKeyString(), moderatorId, pseudonym, reason));
        }
    }

    private Task<bool> IsOpenToModeratorsAsync() =>
        GrainFactory.GetGrain<IModerationGrain>(ModerationGrain.Key).IsOpenFor(this.GetPrimaryKeyString());

    private Task AuditAsync(string moderatorId, string action, string? reason) =>
        GrainFactory.GetGrain<IAuditLogGrain>(AuditLogGrain.Key).Append(
            new AuditEntry(moderatorId, action, "conversation", this.GetPrimaryKeyString(), reason, time.GetUtcNow()));

    /// <summary>The two participants and any moderator who joined.</summary>
    private IEnumerable<string> Everyone(ConversationStart start) => [start.SeekerId, start.PeerId, .. State.Moderators.Keys];
}
