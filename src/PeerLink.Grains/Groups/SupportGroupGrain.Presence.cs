using PeerLink.Grains.Events;
using PeerLink.Grains.People;

namespace PeerLink.Grains.Groups;

/// <summary>
/// Which members are online, kept by the room so that showing it costs no call per member: asked of each member's
/// grain once, when the room first needs it in an activation, then kept by what their grains tell it as they come and
/// go (<see cref="MemberPresenceChanged"/>). Memory only, like presence itself.
/// </summary>
public sealed partial class SupportGroupGrain
{
    private HashSet<string>? online;

    public Task MemberPresenceChanged(string personId, bool online)
    {
        if (!State.Members.ContainsKey(personId))
        {
            return Task.CompletedTask;
        }

        if (this.online is { } known)
        {
            _ = online ? known.Add(personId) : known.Remove(personId);
        }

        TellRoom(recipient => new GroupMemberPresence(recipient, this.GetPrimaryKeyString(), personId, online), except: recipient => recipient == personId);
        return Task.CompletedTask;
    }

    /// <summary>The members online now. The first time in an activation it asks every member's grain, all at once.</summary>
    private async Task<IReadOnlyList<string>> OnlineMembersAsync()
    {
        if (online is null)
        {
            // IsOnline may interleave, and people never wait on rooms (their calls here are one-way), so this cannot deadlock.
            var asked = await Task.WhenAll(State.Members.Keys.Select(async id => (Id: id, Online: await GrainFactory.GetGrain<IPersonGrain>(id).IsOnline())));
            online ??= [.. asked.Where(a => a.Online).Select(a => a.Id)];
        }

        return [.. online.Where(State.Members.ContainsKey)];
    }

    /// <summary>A member who joins is asked, once the room knows who is online; one who leaves is forgotten.</summary>
    private async Task MembershipChangedAsync(string personId, bool member)
    {
        if (online is null)
        {
            return;
        }

        if (!member)
        {
            online.Remove(personId);
        }
        else if (await GrainFactory.GetGrain<IPersonGrain>(personId).IsOnline())
        {
            online.Add(personId);
        }
    }
}
