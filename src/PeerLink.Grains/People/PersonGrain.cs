using Microsoft.Extensions.Options;
using PeerLink.Grains.CheckIns;
using PeerLink.Grains.Conversations;
using PeerLink.Grains.Events;
using PeerLink.Grains.Matching;

namespace PeerLink.Grains.People;

[GrainType("person")]
public sealed partial class PersonGrain(
    [PersistentState("person")] IPersistentState<PersonState> person,
    TimeProvider time,
    IOptions<MatchingOptions> matchingOptions,
    IPeerLinkEvents events) : Grain, IPersonGrain
{
    public const int MaxBlocked = 200;
    private const int MaxHistory = 200;
    private static readonly TimeSpan MaxCoolDown = TimeSpan.FromHours(2);
    private static readonly TimeSpan MaxCheckInAhead = TimeSpan.FromDays(90);

    private readonly MatchingOptions options = matchingOptions.Value;
    private PersonState State => person.State;

    private bool? lastPushedAvailable;

    private string PersonId => this.GetPrimaryKeyString();

    public async Task<PersonProfile> Register(string pseudonym, Role roles)
    {
        var name = Validation.Pseudonym(pseudonym);
        if (roles == Role.None)
        {
            throw new RuleViolationException("role-required", "A person needs at least one role.");
        }

        State.Pseudonym = name;
        State.Roles |= roles;
        await person.WriteStateAsync();
        return Profile();
    }

    public async Task<PersonProfile> SetRoles(Role roles, string changedBy)
    {
        RequireRegistered();
        if (changedBy == PersonId)
        {
            // Asked of this grain itself: its own state is the truth, and a call to itself would wait on itself.
            if (!State.Roles.HasFlag(Role.Admin))
            {
                throw new RuleViolationException("not-an-admin", "Only an admin can do that.");
            }
        }
        else
        {
            await ActingAdmin.RequireAsync(GrainFactory, changedBy);
        }

        if (roles == Role.None)
        {
            throw new RuleViolationException("role-required", "A person needs at least one role.");
        }

        if (changedBy == PersonId && State.Roles.HasFlag(Role.Admin) && !roles.HasFlag(Role.Admin))
        {
            // Otherwise the last admin could lock everyone out of the admin tools.
            throw new RuleViolationException("admin-self-demotion", "Admins cannot take the admin role from themselves; ask another admin.");
        }

        var lostModerator = State.Roles.HasFlag(Role.Moderator) && !roles.HasFlag(Role.Moderator);
        State.Roles = roles;
        await person.WriteStateAsync();
        events.Publish(new AccessChanged(PersonId));
        await PushToPoolsAsync();
        if (lostModerator)
        {
            await LeaveModerationAsync();
        }

        return Profile();
    }

    public Task ModeratingChanged(string conversationId, bool moderating) => NoteModeratorPartAsync(State.Moderating, conversationId, moderating);

    public Task RoomWatchingChanged(string groupId, bool watching) => NoteModeratorPartAsync(State.WatchingRooms, groupId, watching);

    // A person who deleted their account is not written back by a conversation or room that had not heard yet.
    private async Task NoteModeratorPartAsync(HashSet<string> parts, string id, bool taking)
    {
        if (State.Pseudonym is not null && (taking ? parts.Add(id) : parts.Remove(id)))
        {
            await person.WriteStateAsync();
        }
    }

    /// <summary>Ends this moderator's part in every conversation they joined; the conversations tell this grain back, one-way.</summary>
    private async Task LeaveModeratedConversationsAsync(string reason)
    {
        foreach (var conversationId in State.Moderating)
        {
            await GrainFactory.GetGrain<IConversationGrain>(conversationId).RemoveModerator(PersonId, reason);
        }
    }

    /// <summary>A moderator who lost the role goes off duty, out of every conversation they joined, and out of the rooms they watched.</summary>
    private async Task LeaveModerationAsync()
    {
        await GrainFactory.GetGrain<Moderation.IModerationGrain>(Moderation.ModerationGrain.Key).SetOnDuty(PersonId, onDuty: false);
        await LeaveModeratedConversationsAsync("role-removed");

        // The rooms answer one-way and tell this grain back what changed.
        foreach (var groupId in State.Rooms.Union(State.WatchingRooms).ToList())
        {
            await GrainFactory.GetGrain<Groups.ISupportGroupGrain>(groupId).ModeratorRoleRemoved(PersonId);
        }
    }

    public async Task<PersonProfile> SetUsername(string username)
    {
        RequireRegistered();
        if (State.Username is not null && State.Username != username)
        {
            throw new RuleViolationException("account-exists", $"This person already signs in as '{State.Username}'.");
        }

        State.Username = username;
        await person.WriteStateAsync();
        return Profile();
    }

    public Task<PersonProfile> GetProfile()
    {
        RequireRegistered();
        return Task.FromResult(Profile());
    }

    public async Task<PersonProfile> UpdateProfile(ProfileUpdate update)
    {
        RequireRegistered();
        var catalog = await GrainFactory.GetGrain<Identities.IIdentityCatalogGrain>(Identities.IdentityCatalogGrain.Key).GetCatalog();
        var identities = Validation.Identities(update.Identities, catalog.Identities, allowEmpty: true);
        var languages = Validation.Languages(update.Languages, options);
        if (languages.Count == 0)
        {
            // Without a language nobody can be matched with them, nor talk with them.
            throw new RuleViolationException("languages-required", "Choose at least one language you talk in.");
        }

        var timeZone = Validation.TimeZone(update.TimeZone);
        var leftPools = State.Languages.Except(languages).ToList();
        State.Identities = [.. identities];
        State.Languages = [.. languages];
        State.TimeZone = timeZone;
        await person.WriteStateAsync();
        await PushToPoolsAsync(except: null, leftPools);
        return Profile();
    }

    public async Task<PersonProfile> RecordTraining(TrainingRecord training)
    {
        RequireRole(Role.Peer, "Only peers have a training record.");
        State.Training = training;
        await person.WriteStateAsync();
        await PushToPoolsAsync();
        return Profile();
    }

    public async Task<PersonProfile> SetAvailability(bool available, int capacity)
    {
        RequireRole(Role.Peer, "Only peers set availability.");
        if (capacity < 1 || capacity > MatchingOptions.MaxCapacity)
        {
            throw new RuleViolationException("capacity-invalid", $"Capacity is the most conversations held at once: 1 to {MatchingOptions.MaxCapacity}.");
        }

        if (available && State.Training is null)
        {
            throw new RuleViolationException("training-required", "A peer can take conversations once their training is recorded.");
        }

        if (available && State.Languages.Count == 0)
        {
            throw new RuleViolationException("language-required", "Choose at least one language before setting yourself available.");
        }

        State.AvailabilityChosen = available;
        State.Capacity = capacity;
        await person.WriteStateAsync();
        lastHeartbeat = time.GetUtcNow();
        EnsurePresenceTimer();
        await PushToPoolsAsync();
        return Profile();
    }

    public async Task<PersonProfile> SetWeeklyWindows(IReadOnlyList<WeeklyWindow> windows)
    {
        RequireRole(Role.Peer, "Only peers set weekly availability.");
        if (windows.Count > 28 || windows.Any(w => w.End <= w.Start || !Enum.IsDefined(w.Day)))
        {
            throw new RuleViolationException("windows-invalid", "Weekly windows end after they start, on a real weekday, and there are at most 28.");
        }

        State.WeeklyWindows = [.. windows];
        await person.WriteStateAsync();
        await PushToPoolsAsync();
        return Profile();
    }

    public async Task<PersonProfile> StartCoolDown(TimeSpan duration)
    {
        RequireRole(Role.Peer, "Only peers take a cool-down.");
        if (duration < TimeSpan.Zero || duration > MaxCoolDown)
        {
            throw new RuleViolationException("cool-down-invalid", $"A cool-down lasts from 0 to {MaxCoolDown.TotalMinutes} minutes.");
        }

        State.CoolDownUntil = time.GetUtcNow() + duration;
        await person.WriteStateAsync();
        await PushToPoolsAsync();
        return Profile();
    }

    public async Task Block(string personId)
    {
        RequireRegistered();
        GrainKeys.Validate(personId);
        if (personId == PersonId)
        {
            throw new RuleViolationException("block-self", "You cannot block yourself.");
        }

        if (!State.Blocked.Contains(personId))
        {
            if (State.Blocked.Count >= MaxBlocked)
            {
                throw new RuleViolationException("blocks-too-many", $"You have blocked {MaxBlocked} people, the most PeerLink keeps.");
            }

            // Only someone who exists: a made-up id would sit in the list, and in the person's export, for nothing.
            await GrainFactory.GetGrain<IPersonGrain>(personId).GetProfile();
        }

        if (State.Blocked.Add(personId))
        {
            await person.WriteStateAsync();
            await PushToPoolsAsync();
        }

        // No message passes between them from now on: a conversation they are in together ends,
        // and the rooms this person is in stop carrying messages either way.
        foreach (var conversationId in State.ActiveConversations.ToList())
        {
            var conversation = GrainFactory.GetGrain<IConversationGrain>(conversationId);
            var info = await conversation.GetInfo();
            if (info.SeekerId == personId || info.PeerId == personId)
            {
                await conversation.End(PersonId);
            }
        }

        foreach (var groupId in State.Rooms)
        {
            await GrainFactory.GetGrain<Groups.ISupportGroupGrain>(groupId).BlocksChanged(PersonId, [.. State.Blocked]);
        }
    }

    public Task<IReadOnlyList<string>> GetBlocked() => Task.FromResult<IReadOnlyList<string>>([.. State.Blocked]);

    public async Task RoomMembershipChanged(string groupId, bool member)
    {
        // A person who deleted their account is not written back by a room that had not heard yet.
        if (State.Pseudonym is null)
        {
            return;
        }

        if (member ? State.Rooms.Add(groupId) : State.Rooms.Remove(groupId))
        {
            if (member)
            {
                State.RoomsJoined.Add(groupId);
            }

            await person.WriteStateAsync();
        }
    }

    public Task<IReadOnlyList<PastConversation>> GetHistory() => Task.FromResult<IReadOnlyList<PastConversation>>([.. State.History]);

    public Task<IReadOnlyList<CheckInRecord>> GetCheckIns() => Task.FromResult<IReadOnlyList<CheckInRecord>>([.. State.CheckIns]);

    public async Task<string> ScheduleCheckIn(string partnerId, DateTimeOffset dueAt)
    {
        RequireRegistered();
        var now = time.GetUtcNow();
        var past = State.History.LastOrDefault(h => h.PartnerId == partnerId)
            ?? throw new RuleViolationException("check-in-stranger", "A check-in can be scheduled only with someone you have talked with.");
        if (dueAt <= now || dueAt > now + MaxCheckInAhead)
        {
            throw new RuleViolationException("check-in-time", $"A check-in is due in the future, at most {MaxCheckInAhead.TotalDays} days ahead.");
        }

        var checkInId = Guid.NewGuid().ToString("N");
        var (seekerId, peerId) = past.WasPeer ? (partnerId, PersonId) : (PersonId, partnerId);
        var conversation = await GrainFactory.GetGrain<IConversationGrain>(past.ConversationId).GetInfo();
        await GrainFactory.GetGrain<ICheckInGrain>(checkInId)
            .Schedule(new CheckInPlan(seekerId, peerId, past.Language, conversation.SeekerIdentities, dueAt, PersonId));
        await SaveCheckInAsync(new CheckInRecord(checkInId, partnerId, dueAt));
        await GrainFactory.GetGrain<IPersonGrain>(partnerId).AddCheckIn(new CheckInRecord(checkInId, PersonId, dueAt));
        return checkInId;
    }

    // A person who deleted their account takes no check-ins: nothing of them is stored again.
    public Task AddCheckIn(CheckInRecord checkIn) => State.Pseudonym is null ? Task.CompletedTask : SaveCheckInAsync(checkIn);

    private async Task SaveCheckInAsync(CheckInRecord checkIn)
    {
        State.CheckIns.RemoveAll(c => c.DueAt < time.GetUtcNow() - TimeSpan.FromDays(1));
        State.CheckIns.Add(checkIn);
        await person.WriteStateAsync();
    }

    public async Task<SeekerSnapshot> BeginRequest(string requestId, string language)
    {
        RequireRegistered();
        if (State.OpenRequestId is { } open && await IsStillQueuedAsync(open))
        {
            throw new RuleViolationException("already-queued", "You are already waiting for someone; cancel that request first.");
        }

        if (State.ActiveConversations.Count > 0 && !State.Roles.HasFlag(Role.Peer))
        {
            throw new RuleViolationException("already-in-conversation", "You are already in a conversation; end it before asking for another.");
        }

        State.OpenRequestId = requestId;
        State.OpenRequestLanguage = language;
        await person.WriteStateAsync();
        var goodPeers = State.History.Where(h => !h.WasPeer && (h.Rating >= 4 || h.TalkAgain)).Select(h => h.PartnerId);
        return new SeekerSnapshot(PersonId, State.Pseudonym!, State.Blocked.ToHashSet(), goodPeers.ToHashSet());
    }

    public async Task EndRequest(string requestId)
    {
        if (State.OpenRequestId == requestId)
        {
            State.OpenRequestId = null;
            State.OpenRequestLanguage = null;
            await person.WriteStateAsync();
        }
    }

    public async Task<PeerSnapshot> ReserveAsPeer(string conversationId, string seekerId, string fromPool)
    {
        RequireRole(Role.Peer, "Only peers take conversations.");
        if (State.ActiveConversations.Count >= State.Capacity)
        {
            throw new RuleViolationException("capacity", "This peer is holding as many conversations as they chose to.");
        }

        if (State.Blocked.Contains(seekerId))
        {
            throw new RuleViolationException("blocked", "These two cannot be matched.");
        }

        State.ActiveConversations.Add(conversationId);
        await person.WriteStateAsync();
        return await PushToPoolsAsync(except: fromPool);
    }

    public async Task JoinAsSeeker(string conversationId, string requestId)
    {
        // Refused for a person deleted while the match was being made: the matchmaker then gives the peer's place back.
        RequireRegistered();
        if (State.OpenRequestId == requestId)
        {
            State.OpenRequestId = null;
            State.OpenRequestLanguage = null;
        }

        State.ActiveConversations.Add(conversationId);
        await person.WriteStateAsync();
    }

    public async Task ReleaseReservation(string conversationId)
    {
        if (State.ActiveConversations.Remove(conversationId))
        {
            await person.WriteStateAsync();
            await PushToPoolsAsync();
        }
    }

    public async Task ConversationEnded(string conversationId, string partnerId, bool asPeer, string language, DateTimeOffset endedAt)
    {
        if (!State.ActiveConversations.Remove(conversationId))
        {
            return;
        }

        State.History.Add(new PastConversation(conversationId, partnerId, asPeer, language, endedAt));
        if (State.History.Count > MaxHistory)
        {
            State.History.RemoveRange(0, State.History.Count - MaxHistory);
        }

        if (asPeer)
        {
            State.LastConversationEndedAt = endedAt;
        }

        await person.WriteStateAsync();
        if (asPeer)
        {
            await PushToPoolsAsync();
        }
    }

    public async Task RecordFeedback(string conversationId, Feedback feedback)
    {
        var index = State.History.FindIndex(h => h.ConversationId == conversationId);
        if (index >= 0)
        {
            State.History[index] = State.History[index] with { Rating = feedback.Rating, TalkAgain = feedback.TalkAgain };
            await person.WriteStateAsync();
        }
    }

    // Matchmakers keep requests in memory, so after a restart a request this grain remembers may be gone.
    private async Task<bool> IsStillQueuedAsync(string requestId) =>
        State.OpenRequestLanguage is { } language
        && await GrainFactory.GetGrain<IMatchmakerGrain>(language).GetQueueStatus(requestId) is not null;

    // Copies of the lists: a profile is an immutable record, and Orleans passes it by reference to callers in this
    // silo, while this grain goes on changing its own lists.
    private PersonProfile Profile() => new(
        PersonId,
        State.Pseudonym!,
        State.Roles,
        [.. State.Identities],
        [.. State.Languages],
        State.TimeZone,
        State.Training,
        State.Capacity,
        IsAvailable(time.GetUtcNow()),
        [.. State.ActiveConversations],
        State.CoolDownUntil,
        [.. State.WeeklyWindows],
        State.Username);

    private bool IsAvailable(DateTimeOffset now) =>
        State.Roles.HasFlag(Role.Peer)
        && State.Training is not null
        && State.AvailabilityChosen
        && lastHeartbeat is { } beat && now - beat < options.PresenceTimeout
        && WeeklySchedule.IsInside(State.WeeklyWindows, State.TimeZone, now);

    private PeerSnapshot Snapshot(DateTimeOffset now) => new(
        PersonId,
        State.Pseudonym!,
        [.. State.Identities],
        [.. State.Languages],
        State.Training is not null,
        IsAvailable(now),
        State.Capacity,
        State.ActiveConversations.Count,
        State.CoolDownUntil,
        State.LastConversationEndedAt,
        State.Blocked.ToHashSet());

    /// <summary>Tells every language pool this peer is in (but the one asking) how they stand now.</summary>
    private async Task<PeerSnapshot> PushToPoolsAsync(string? except = null, IReadOnlyList<string>? leftPools = null)
    {
        var snapshot = Snapshot(time.GetUtcNow());
        if (!State.Roles.HasFlag(Role.Peer))
        {
            return snapshot;
        }

        lastPushedAvailable = snapshot.Available;
        foreach (var language in State.Languages.Where(l => l != except))
        {
            await GrainFactory.GetGrain<IMatchmakerGrain>(language).UpdatePeer(snapshot);
        }

        foreach (var language in leftPools ?? [])
        {
            await GrainFactory.GetGrain<IMatchmakerGrain>(language).RemovePeer(PersonId);
        }

        return snapshot;
    }

    private void RequireRegistered()
    {
        if (State.Pseudonym is null)
        {
            throw new RuleViolationException("person-unknown", $"There is no person '{PersonId}'.");
        }
    }

    private void RequireRole(Role role, string message)
    {
        RequireRegistered();
        if (!State.Roles.HasFlag(role))
        {
            throw new RuleViolationException("role-required", message);
        }
    }
}
