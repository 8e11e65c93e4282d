using PeerLink.Grains.Logs;
using PeerLink.Grains.Events;
using PeerLink.Grains.Identities;
using PeerLink.Grains.Limits;
using PeerLink.Grains.Messages;
using PeerLink.Grains.Moderation;
using PeerLink.Grains.People;
using PeerLink.Grains.Safety;
using PeerLink.Grains.Telemetry;

namespace PeerLink.Grains.Groups;

/// <summary>A room's membership and messages; what moderators do in it is in SupportGroupGrain.Moderation.cs.</summary>
[GrainType("supportgroup")]
public sealed partial class SupportGroupGrain(
    [PersistentState("group")] IPersistentState<GroupState> group,
    [PersistentLog("messages")] IPersistentLog<StoredMessage> messages,
    MessageScreen screen,
    TimeProvider time,
    IPeerLinkEvents events,
    PeerLinkMetrics metrics) : Grain, ISupportGroupGrain
{
    public const int MaxCapacity = 200;
    public const int MaxTitleLength = 80;
    public const int MaxDescriptionLength = 300;
    public const int JoinsPerTenMinutes = 5;
    private const string TitleRule = "A room's title is 1 to 80 characters on one line.";
    private static readonly TimeSpan RateWindow = TimeSpan.FromMinutes(5);

    // For the moderators' dashboard; a rate, not a record, so it starts afresh with each activation.
    private readonly Queue<DateTimeOffset> recentMessages = new();

    private readonly RecentActions joinLimit = new(time, JoinsPerTenMinutes, TimeSpan.FromMinutes(10), "room-rate-limited",
        $"That is more than {JoinsPerTenMinutes} times joining this room in ten minutes; wait a few minutes before joining again.");

    private GroupState State => group.State;

    public async Task<GroupInfo> Create(GroupSettings settings)
    {
        if (State.Settings is not null)
        {
            throw new RuleViolationException("group-exists", "A room with this id exists.");
        }

        var catalog = await GrainFactory.GetGrain<IIdentityCatalogGrain>(IdentityCatalogGrain.Key).GetCatalog();
        State.Settings = new GroupSettings(
            ContactMasker.Mask(Validation.Name(settings.Title, 1, MaxTitleLength, "group-title-invalid", TitleRule)),
            Validation.OptionalLine(settings.Description, MaxDescriptionLength, "group-description-invalid", "A room's description is at most 300 characters on one line."),
            Validation.Identities(settings.Identities, catalog.Identities, allowEmpty: true),
            settings.Capacity is >= 2 and <= MaxCapacity
                ? settings.Capacity
                : throw new RuleViolationException("group-capacity-invalid", $"A room holds 2 to {MaxCapacity} members."));
        await group.WriteStateAsync();
        await GrainFactory.GetGrain<IGroupDirectoryGrain>(GroupDirectoryGrain.Key).Add(this.GetPrimaryKeyString());
        return await InfoAsync();
    }

    public Task<GroupInfo> GetInfo()
    {
        RequireRoom();
        return InfoAsync();
    }

    public async Task<GroupInfo> Join(string personId)
    {
        var settings = RequireRoom();
        if (State.Members.ContainsKey(personId))
        {
            return await InfoAsync();
        }

        var profile = await GrainFactory.GetGrain<IPersonGrain>(personId).GetProfile();
        var moderator = profile.Roles.HasFlag(Role.Moderator);
        if (!moderator)
        {
            RequireOpenTo(personId, settings);
        }

        // Each join and leave is news to every member; joining again and again would flood them. Leaving is never
        // refused, and a join refused here changes nothing.
        joinLimit.Take(personId);

        var member = new GroupMember(personId, profile.Pseudonym, moderator, time.GetUtcNow(), Language: profile.Languages.FirstOrDefault());
        State.Members[personId] = member;
        State.QuietWatchers.Remove(personId);
        await group.WriteStateAsync();
        await TellPersonAsync(personId, member: true);
        await MembershipChangedAsync(personId, member: true);
        TellRoom(recipient => new GroupMemberChanged(recipient, this.GetPrimaryKeyString(), personId, member.Pseudonym, Joined: true));
        return await InfoAsync();
    }

    public async Task Leave(string personId)
    {
        RequireRoom();
        var wasWatching = State.QuietWatchers.Remove(personId);
        if (!State.Members.Remove(personId, out var member))
        {
            if (wasWatching)
            {
                await group.WriteStateAsync();
                await GrainFactory.GetGrain<IPersonGrain>(personId).RoomWatchingChanged(this.GetPrimaryKeyString(), watching: false);
            }

            return;
        }

        await group.WriteStateAsync();
        await TellPersonAsync(personId, member: false);
        await MembershipChangedAsync(personId, member: false);

        // The one who left hears it too, so their other tabs close the room.
        events.Publish(new GroupMemberChanged(personId, this.GetPrimaryKeyString(), personId, member.Pseudonym, Joined: false));
        TellRoom(recipient => new GroupMemberChanged(recipient, this.GetPrimaryKeyString(), personId, member.Pseudonym, Joined: false));
    }

    public async Task<MessageAck> SendMessage(string personId, string? text)
    {
        var member = RequireMember(personId);
        var now = time.GetUtcNow();
        if (!member.Moderator && State.Locked)
        {
            throw new RuleViolationException("group-locked", "A moderator has locked this room for now; messages are paused.");
        }

        if (member.MutedUntil is { } until && until > now)
        {
            throw new RuleViolationException("muted", $"A moderator muted you in this room until {until:HH:mm} UTC.");
        }

        var screened = screen.Screen(Validation.MessageText(text), member.Language);

        // Stored first: nobody hears of a message that a crash could still lose.
        var seq = await messages.AppendAsync(new StoredMessage(personId, member.Pseudonym, screened.Text, now));
        metrics.MessageSent("room");
        CountMessage(now);
        await ArmRetentionSweepAsync();
        await LoadBlocksAsync();
        TellRoom(
            recipient => new GroupMessageReceived(recipient, this.GetPrimaryKeyString(), seq, personId, member.Pseudonym, screened.Text, now),
            except: recipient => Blocked(personId, recipient));
        if (screened.Assessment.Level == RiskLevel.High)
        {
            events.Publish(new CrisisResourcesOffered(personId, null, this.GetPrimaryKeyString(), screen.ResourcesFor(member.Language)));
            await GrainFactory.GetGrain<IModerationGrain>(ModerationGrain.Key).RaiseCrisisAlert(new CrisisAlert(
                Guid.NewGuid().ToString("N"), null, this.GetPrimaryKeyString(), seq, personId, member.Pseudonym, RiskLevel.High, screened.Text, screened.Assessment.MatchedRule, now));
        }

        return new MessageAck(seq, now);
    }

    public Task<MessagePage> GetMessages(string personId, long after, int limit)
    {
        if (!State.QuietWatchers.Contains(personId))
        {
            RequireMember(personId);
        }

        return MessageHistory.ReadPageAsync(messages, after, limit);
    }

    private GroupSettings RequireRoom() =>
        State.Settings ?? throw new RuleViolationException("group-unknown", "There is no such room.");

    private GroupMember RequireMember(string personId)
    {
        RequireRoom();
        return State.Members.GetValueOrDefault(personId)
            ?? throw new RuleViolationException("not-a-member", "Join the room first.");
    }

    private void RequireOpenTo(string personId, GroupSettings settings)
    {
        if (State.Locked)
        {
            throw new RuleViolationException("group-locked", "A moderator has locked this room for now; try again later.");
        }

        if (State.RemovedUntil.TryGetValue(personId, out var until) && until > time.GetUtcNow())
        {
            throw new RuleViolationException("removed-from-group", "A moderator removed you from this room; you can come back after 24 hours.");
        }

        if (State.Members.Values.Count(m => !m.Moderator) >= settings.Capacity)
        {
            throw new RuleViolationException("group-full", "This room is full right now; try another, or come back a little later.");
        }
    }

    /// <summary>Tells every member and every quiet watcher, but those <paramref name="except"/> picks out.</summary>
    private void TellRoom(Func<string, PeerLinkEvent> message, Func<string, bool>? except = null)
    {
        foreach (var recipient in State.Members.Keys.Concat(State.QuietWatchers))
        {
            if (except?.Invoke(recipient) != true)
            {
                events.Publish(message(recipient));
            }
        }
    }

    private void CountMessage(DateTimeOffset now)
    {
        recentMessages.Enqueue(now);
        while (recentMessages.TryPeek(out var oldest) && now - oldest > RateWindow)
        {
            recentMessages.Dequeue();
        }
    }

    private async Task<GroupInfo> InfoAsync()
    {
        var settings = State.Settings!;
        var now = time.GetUtcNow();
        return new GroupInfo(
            this.GetPrimaryKeyString(),
            settings.Title,
            settings.Description,
            settings.Identities,
            settings.Capacity,
            [.. State.Members.Values.OrderBy(m => m.JoinedAt)],
            await messages.GetLengthAsync(),
            State.Locked,
            State.PinnedSeq,
            recentMessages.Count(t => now - t <= RateWindow),
            await OnlineMembersAsync());
    }
}
