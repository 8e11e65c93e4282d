using PeerLink.Silo.Runtime;

namespace PeerLink.Silo;

public static class GrainExtensions
{
    /// <summary>The id of the grain a reference points at, or of a grain itself.</summary>
    public static GrainId GetGrainId(this IGrain grain) => grain switch
    {
        GrainReference reference => reference.GrainId,
        Grain instance => instance.GrainContext.GrainId,
        _ => throw new ArgumentException($"{grain.GetType().Name} is neither a grain reference nor a grain.", nameof(grain)),
    };

    public static string GetPrimaryKeyString(this IGrain grain) => grain.GetGrainId().Key;
}
