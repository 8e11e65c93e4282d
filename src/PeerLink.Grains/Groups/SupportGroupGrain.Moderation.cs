using PeerLink.Grains.Events;
using PeerLink.Grains.Messages;
using PeerLink.Grains.Moderation;
using PeerLink.Grains.People;

namespace PeerLink.Grains.Groups;

/// <summary>What moderators do in a room. Each action is audited and told, with its reason, to those it affects.</summary>
public sealed partial class SupportGroupGrain
{
    public static readonly TimeSpan WarningLasts = TimeSpan.FromHours(24);
    public static readonly TimeSpan RemovalLasts = TimeSpan.FromHours(24);
    public static readonly TimeSpan MaxMute = TimeSpan.FromDays(7);

    public async Task<GroupInfo> Watch(string moderatorId, bool quietly)
    {
        RequireRoom();
        await RequireModeratorAsync(moderatorId);
        if (!quietly)
        {
            return await Join(moderatorId);
        }

        if (!State.Members.ContainsKey(moderatorId) && State.QuietWatchers.Add(moderatorId))
        {
            await group.WriteStateAsync();
            await GrainFactory.GetGrain<IPersonGrain>(moderatorId).RoomWatchingChanged(this.GetPrimaryKeyString(), watching: true);
        }

        await AuditAsync(moderatorId, "watch-quietly", "group", this.GetPrimaryKeyString(), reason: null);
        return await InfoAsync();
    }

    public async Task ModeratorRoleRemoved(string personId)
    {
        if (State.Members.GetValueOrDefault(personId) is { Moderator: true })
        {
            await Leave(personId);
        }
        else if (State.QuietWatchers.Remove(personId))
        {
            await group.WriteStateAsync();
            await GrainFactory.GetGrain<IPersonGrain>(personId).RoomWatchingChanged(this.GetPrimaryKeyString(), watching: false);
        }
    }

    public async Task Warn(string moderatorId, string personId, string reason)
    {
        var member = await TargetAsync(moderatorId, personId);
        var why = Reason(reason);
        var until = time.GetUtcNow() + WarningLasts;
        State.Members[personId] = member with { WarnedUntil = until };
        await group.WriteStateAsync();
        await AuditAsync(moderatorId, "warn", "person", personId, why);
        events.Publish(new ModerationNotice(personId, "warned", this.GetPrimaryKeyString(), why, until));
    }

    public async Task Mute(string moderatorId, string personId, TimeSpan duration, string reason)
    {
        var member = await TargetAsync(moderatorId, personId);
        var why = Reason(reason);
        if (duration <= TimeSpan.Zero || duration > MaxMute)
        {
            throw new RuleViolationException("mute-duration-invalid", "A mute lasts from a minute to 7 days.");
        }

        var until = time.GetUtcNow() + duration;
        State.Members[personId] = member with { MutedUntil = until };
        await group.WriteStateAsync();
        await AuditAsync(moderatorId, "mute", "person", personId, why, $"until {until:O}");
        events.Publish(new ModerationNotice(personId, "muted", this.GetPrimaryKeyString(), why, until));
    }

    public async Task Remove(string moderatorId, string personId, string reason)
    {
        var member = await TargetAsync(moderatorId, personId);
        var why = Reason(reason);
        var until = time.GetUtcNow() + RemovalLasts;
        State.Members.Remove(personId);
        State.RemovedUntil[personId] = until;
        await group.WriteStateAsync();
        await TellPersonAsync(personId, member: false);
        await MembershipChangedAsync(personId, member: false);
        await AuditAsync(moderatorId, "remove", "person", personId, why);
        events.Publish(new ModerationNotice(personId, "removed", this.GetPrimaryKeyString(), why, until));
        events.Publish(new GroupMemberChanged(personId, this.GetPrimaryKeyString(), personId, member.Pseudonym, Joined: false));
        TellRoom(recipient => new GroupMemberChanged(recipient, this.GetPrimaryKeyString(), personId, member.Pseudonym, Joined: false));
    }

    public async Task DeleteMessage(string moderatorId, long seq, string reason)
    {
        RequireRoom();
        await RequireModeratorAsync(moderatorId);
        var why = Reason(reason);
        var entry = (await messages.ReadAsync(seq - 1, 1)).SingleOrDefault(e => e.Seq == seq)
            ?? throw new RuleViolationException("message-unknown", "This room has no message with that number.");
        if (entry.Value.Removed is not null)
        {
            return;
        }

        // The words leave the room's history but stay in the audit log, for review.
        await AuditAsync(moderatorId, "delete-message", "message", $"{this.GetPrimaryKeyString()}#{seq}", why, entry.Value.Text);
        await messages.ReplaceAsync(seq, entry.Value.AsRemoved("moderator"));
        TellRoom(recipient => new GroupUpdated(recipient, this.GetPrimaryKeyString(), "message-deleted", seq, why));
        events.Publish(new ModerationNotice(entry.Value.SenderId, "message-deleted", this.GetPrimaryKeyString(), why, null));
    }

    public async Task Lock(string moderatorId, bool locked, string reason)
    {
        RequireRoom();
        await RequireModeratorAsync(moderatorId);
        var why = Reason(reason);
        State.Locked = locked;
        await group.WriteStateAsync();
        await AuditAsync(moderatorId, locked ? "lock" : "unlock", "group", this.GetPrimaryKeyString(), why);
        TellRoom(recipient => new GroupUpdated(recipient, this.GetPrimaryKeyString(), locked ? "locked" : "unlocked", null, why));
    }

    public async Task Pin(string moderatorId, long? seq)
    {
        RequireRoom();
        await RequireModeratorAsync(moderatorId);
        if (seq is { } number && (number < 1 || number > await messages.GetLengthAsync()))
        {
            throw new RuleViolationException("message-unknown", "This room has no message with that number.");
        }

        State.PinnedSeq = seq;
        await group.WriteStateAsync();
        await AuditAsync(moderatorId, seq is null ? "unpin" : "pin", "group", this.GetPrimaryKeyString(), reason: null, seq?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        TellRoom(recipient => new GroupUpdated(recipient, this.GetPrimaryKeyString(), seq is null ? "unpinned" : "pinned", seq, null));
    }

    private async Task<GroupMember> TargetAsync(string moderatorId, string personId)
    {
        RequireRoom();
        await RequireModeratorAsync(moderatorId);
        var member = State.Members.GetValueOrDefault(personId)
            ?? throw new RuleViolationException("not-a-member", "That person is not in this room.");
        return member.Moderator
            ? throw new RuleViolationException("target-is-moderator", "Moderators are not moderated here; raise it with an admin.")
            : member;
    }

    private async Task RequireModeratorAsync(string personId)
    {
        if (!(await GrainFactory.GetGrain<IPersonGrain>(personId).GetProfile()).Roles.HasFlag(Role.Moderator))
        {
            throw new RuleViolationException("not-a-moderator", "Only moderators can do that.");
        }
    }

    private Task AuditAsync(string moderatorId, string action, string kind, string target, string? reason, string? detail = null) =>
        GrainFactory.GetGrain<IAuditLogGrain>(AuditLogGrain.Key).Append(new AuditEntry(moderatorId, action, kind, target, reason, time.GetUtcNow(), detail));

    private static string Reason(string? reason) =>
        Validation.OptionalLine(reason, ModerationGrain.MaxNoteLength, "reason-invalid", $"A reason is one line of at most {ModerationGrain.MaxNoteLength} characters.")
            ?? throw new RuleViolationException("reason-required", "Give a reason; the people affected are told it.");
}
