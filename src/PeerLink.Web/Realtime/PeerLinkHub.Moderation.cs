using Microsoft.AspNetCore.Authorization;
using PeerLink.Grains;
using PeerLink.Grains.Conversations;
using PeerLink.Grains.Groups;
using PeerLink.Grains.People;
using PeerLink.Web.Errors;

namespace PeerLink.Web.Realtime;

/// <summary>The moderator console's calls. The grains check the role again, so a call that slips past here still changes nothing.</summary>
public sealed partial class PeerLinkHub
{
    [RequiresRole(Role.Moderator)]
    public Task SetOnDuty(bool onDuty) => Desk.SetOnDuty(PersonId, onDuty);

    [RequiresRole(Role.Moderator)]
    public async Task<GroupView> WatchGroup(string groupId, bool quietly) =>
        GroupView.From(await Room(groupId).Watch(PersonId, quietly));

    [RequiresRole(Role.Moderator)]
    public Task WarnMember(string groupId, string personId, string reason) => Room(groupId).Warn(PersonId, Keys.Person(personId), reason);

    [RequiresRole(Role.Moderator)]
    public Task MuteMember(string groupId, string personId, int minutes, string reason) =>
        Room(groupId).Mute(PersonId, Keys.Person(personId), TimeSpan.FromMinutes(minutes), reason);

    [RequiresRole(Role.Moderator)]
    public Task RemoveMember(string groupId, string personId, string reason) => Room(groupId).Remove(PersonId, Keys.Person(personId), reason);

    [RequiresRole(Role.Moderator)]
    public Task DeleteGroupMessage(string groupId, long seq, string reason) => Room(groupId).DeleteMessage(PersonId, seq, reason);

    [RequiresRole(Role.Moderator)]
    public Task LockGroup(string groupId, bool locked, string reason) => Room(groupId).Lock(PersonId, locked, reason);

    [RequiresRole(Role.Moderator)]
    public Task PinGroupMessage(string groupId, long? seq) => Room(groupId).Pin(PersonId, seq);

    [RequiresRole(Role.Moderator)]
    public async Task<ModeratorConversationView> JoinConversation(string conversationId)
    {
        var info = await grains.GetGrain<IConversationGrain>(Keys.Conversation(conversationId)).JoinAsModerator(PersonId);
        return new ModeratorConversationView(
            info.ConversationId,
            new PartnerInfo(info.SeekerId, info.SeekerPseudonym),
            new PartnerInfo(info.PeerId, info.PeerPseudonym),
            info.Status == ConversationStatus.Active ? "active" : "ended",
            info.StartedAt);
    }

    /// <summary>The moderator leaves a one-to-one conversation they joined; both participants see it.</summary>
    [RequiresRole(Role.Moderator)]
    public Task LeaveConversation(string conversationId) =>
        grains.GetGrain<IConversationGrain>(Keys.Conversation(conversationId)).LeaveAsModerator(PersonId);

    [RequiresRole(Role.Moderator)]
    public Task ResolveAlert(string alertId, string? note) => Desk.Resolve(PersonId, alertId, note);

    [RequiresRole(Role.Moderator)]
    public async Task CloseReport(string reportId, string outcome) => await Desk.CloseReport(PersonId, reportId, outcome);

    private ISupportGroupGrain Room(string groupId) => grains.GetGrain<ISupportGroupGrain>(Keys.Group(groupId));
}
