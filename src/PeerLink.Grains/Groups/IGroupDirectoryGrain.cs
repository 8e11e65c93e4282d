
namespace PeerLink.Grains.Groups;

/// <summary>The list of rooms in a deployment (key: <see cref="GroupDirectoryGrain.Key"/>), so they can be listed without a scan.</summary>
[GrainInterfaceType("peerlink.group-directory")]
[Alias("peerlink.group-directory-grain")]
public interface IGroupDirectoryGrain : IGrainWithStringKey
{
    Task Add(string groupId);

    /// <summary>A read; may interleave, so no cycle of grains waiting on each other can block it.</summary>
    [AlwaysInterleave]
    Task<IReadOnlyList<string>> GetGroupIds();
}
