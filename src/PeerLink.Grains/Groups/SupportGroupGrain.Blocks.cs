using PeerLink.Grains.People;

namespace PeerLink.Grains.Groups;

/// <summary>No message passes between two members when either has blocked the other.</summary>
public sealed partial class SupportGroupGrain
{
    // Who each member has blocked, as their person grains say; loaded when first needed, kept fresh by BlocksChanged.
    private readonly Dictionary<string, HashSet<string>> blocks = [];

    public Task BlocksChanged(string personId, IReadOnlyList<string> blocked)
    {
        if (State.Members.ContainsKey(personId))
        {
            blocks[personId] = [.. blocked];
        }

        return Task.CompletedTask;
    }

    private async Task LoadBlocksAsync()
    {
        var missing = State.Members.Keys.Where(id => !blocks.ContainsKey(id)).ToList();
        var loaded = await Task.WhenAll(missing.Select(id => GrainFactory.GetGrain<IPersonGrain>(id).GetBlocked()));
        for (var i = 0; i < missing.Count; i++)
        {
            blocks[missing[i]] = [.. loaded[i]];
        }
    }

    private bool Blocked(string a, string b) =>
        (blocks.TryGetValue(a, out var byA) && byA.Contains(b)) || (blocks.TryGetValue(b, out var byB) && byB.Contains(a));

    /// <summary>Keeps the person's list of rooms right, so their blocks reach this room.</summary>
    private Task TellPersonAsync(string personId, bool member)
    {
        if (!member)
        {
            blocks.Remove(personId);
        }

        return GrainFactory.GetGrain<IPersonGrain>(personId).RoomMembershipChanged(this.GetPrimaryKeyString(), member);
    }
}
