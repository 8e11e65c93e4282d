
namespace PeerLink.Grains.Groups;

public sealed class GroupDirectoryState
{
    public List<string> GroupIds { get; set; } = [];
}

[GrainType("groupdirectory")]
public sealed class GroupDirectoryGrain([PersistentState("directory")] IPersistentState<GroupDirectoryState> directory) : Grain, IGroupDirectoryGrain
{
    public const string Key = "default";

    public async Task Add(string groupId)
    {
        if (!directory.State.GroupIds.Contains(groupId))
        {
            directory.State.GroupIds.Add(groupId);
            await directory.WriteStateAsync();
        }
    }

    public Task<IReadOnlyList<string>> GetGroupIds() => Task.FromResult<IReadOnlyList<string>>([.. directory.State.GroupIds]);
}
