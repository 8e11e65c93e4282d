using PeerLink.Silo.Storage;

namespace PeerLink.Silo.Tests.Storage;

/// <summary>Reads and writes a <see cref="ProfileState"/> as a grain would, each time through a new grain state.</summary>
internal static class ProfileStorage
{
    public const string StateName = "profile";

    public static async Task<GrainState<ProfileState>> WriteNewProfileAsync(this IGrainStorage storage, GrainId grainId, string name, params string[] tags)
    {
        var state = new GrainState<ProfileState>(new ProfileState { Name = name, Tags = [.. tags] });
        await storage.WriteStateAsync(StateName, grainId, state);
        return state;
    }

    public static async Task<GrainState<ProfileState>> ReadProfileAsync(this IGrainStorage storage, GrainId grainId)
    {
        var state = new GrainState<ProfileState>(new ProfileState());
        await storage.ReadStateAsync(StateName, grainId, state);
        return state;
    }
}
