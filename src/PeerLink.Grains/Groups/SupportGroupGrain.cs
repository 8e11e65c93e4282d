using PeerLink.Grains.Events;
using PeerLink.Grains.Identities;
using PeerLink.Grains.Messages;
using PeerLink.Grains.People;
using PeerLink.Silo;

namespace PeerLink.Grains.Groups;

public sealed class SupportGroupGrain(
    [PersistentState("group")] IPersistentState<GroupState> group,
    [PersistentLog("messages")] IPersistentLog<StoredMessage> messages,
    TimeProvider time,
    IPeerLinkEvents events) : Grain, ISupportGroupGrain
{
    public const int MaxCapacity = 200;
    public const int MaxTitleLength = 80;
    public const int MaxDescriptionLength = 300;

    private GroupState State => group.State;

    public async Task<GroupInfo> Create(GroupSettings settings)
    {
        if (State.Settings is not null)
        {
            throw new RuleViolationException("group-exists", "A room with this id exists.");
        }

        var catalog = await GrainFactory.GetGrain<IIdentityCatalogGrain>(IdentityCatalogGrain.Key).GetCatalog();
        State.Settings = new GroupSettings(
            Text(settings.Title, MaxTitleLength, "group-title-invalid", "A room's title is 1 to 80 characters on one line.")!,
            string.IsNullOrWhiteSpace(settings.Description) ? null
                : Text(settings.Description, MaxDescriptionLength, "group-description-invalid", "A room's description is at most 300 characters on one line."),
            Validation.Identities(settings.Identities, catalog.Identities, allowEmpty: true),
            settings.Capacity is >= 2 and <= MaxCapacity
                ? settings.Capacity
                : throw new RuleViolationException("group-capacity-invalid", $"A room holds 2 to {MaxCapacity} members."));
        await group.WriteStateAsync();
        await GrainFactory.GetGrain<IGroupDirectoryGrain>(GroupDirectoryGrain.Key).Add(GetPrimaryKeyString());
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
        if (!moderator && State.Members.Values.Count(m => !m.Moderator) >= settings.Capacity)
        {
            throw new RuleViolationException("group-full", "This room is full right now; try another, or come back a little later.");
        }

        var member = new GroupMember(personId, profile.Pseudonym, moderator, time.GetUtcNow());
        State.Members[personId] = member;
        await group.WriteStateAsync();
        TellMembers(recipient => new GroupMemberChanged(recipient, GetPrimaryKeyString(), personId, member.Pseudonym, Joined: true));
        return await InfoAsync();
    }

    public async Task Leave(string personId)
    {
        RequireRoom();
        if (!State.Members.Remove(personId, out var member))
        {
            return;
        }

        await group.WriteStateAsync();

        // The one who left hears it too, so their other tabs close the room.
        events.Publish(new GroupMemberChanged(personId, GetPrimaryKeyString(), personId, member.Pseudonym, Joined: false));
        TellMembers(recipient => new GroupMemberChanged(recipient, GetPrimaryKeyString(), personId, member.Pseudonym, Joined: false));
    }

    public async Task<MessageAck> SendMessage(string personId, string text)
    {
        var member = RequireMember(personId);
        var body = Validation.MessageText(text);
        var sentAt = time.GetUtcNow();

        // Stored first: nobody hears of a message that a crash could still lose.
        var seq = await messages.AppendAsync(new StoredMessage(personId, member.Pseudonym, body, sentAt));
        TellMembers(recipient => new GroupMessageReceived(recipient, GetPrimaryKeyString(), seq, personId, member.Pseudonym, body, sentAt));
        return new MessageAck(seq, sentAt);
    }

    public Task<MessagePage> GetMessages(string personId, long after, int limit)
    {
        RequireMember(personId);
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

    private void TellMembers(Func<string, PeerLinkEvent> message)
    {
        foreach (var memberId in State.Members.Keys)
        {
            events.Publish(message(memberId));
        }
    }

    private async Task<GroupInfo> InfoAsync()
    {
        var settings = State.Settings!;
        return new GroupInfo(
            GetPrimaryKeyString(),
            settings.Title,
            settings.Description,
            settings.Identities,
            settings.Capacity,
            [.. State.Members.Values.OrderBy(m => m.JoinedAt)],
            await messages.GetLengthAsync());
    }

    private static string? Text(string? text, int max, string code, string message)
    {
        var trimmed = text?.Trim() ?? string.Empty;
        return trimmed.Length is >= 1 && trimmed.Length <= max && !trimmed.Any(char.IsControl)
            ? trimmed
            : throw new RuleViolationException(code, message);
    }
}
