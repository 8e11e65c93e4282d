using PeerLink.Grains.Groups;
using PeerLink.Web.Errors;

namespace PeerLink.Web.Realtime;

/// <summary>Group rooms: join, leave and post.</summary>
public sealed partial class PeerLinkHub
{
    public async Task<GroupView> JoinGroup(string groupId) =>
        GroupView.From(await grains.GetGrain<ISupportGroupGrain>(Keys.Group(groupId)).Join(PersonId));

    public Task LeaveGroup(string groupId) =>
        grains.GetGrain<ISupportGroupGrain>(Keys.Group(groupId)).Leave(PersonId);

    /// <summary>Returns once the message is stored, with its place in the room's order.</summary>
    [OwnRateLimit]
    public async Task<MessageSent> SendGroupMessage(string groupId, string? text)
    {
        var room = grains.GetGrain<ISupportGroupGrain>(Keys.Group(groupId));
        await messageLimit.TakeAsync(PersonId);
        var ack = await room.SendMessage(PersonId, text);
        return new MessageSent(ack.Seq, ack.SentAt);
    }
}
