namespace PeerLink.Load.Scenario;

/// <summary>
/// The load tool's own garbage collections over a timed phase. A collection in the tool holds every simulated
/// person's receive loop, so its pauses are part of every latency the tool records, for PeerLink and the echo
/// hub alike; reporting them shows how much of a tail is the instrument's.
/// </summary>
/// <param name="Collections">Collections of any generation (each collects gen 0).</param>
/// <param name="FullCollections">Of those, gen-2 collections.</param>
/// <param name="PausedMs">The time this process was paused for them, in total.</param>
internal sealed record ToolCollections(int Collections, int FullCollections, double PausedMs)
{
    public static readonly ToolCollections None = new(0, 0, 0);

    /// <summary>Starts counting; <see cref="Mark.Since"/> gives what happened after it.</summary>
    public static Mark Start() => new(GC.CollectionCount(0), GC.CollectionCount(2), GC.GetTotalPauseDuration());

    internal readonly record struct Mark(int Collections, int FullCollections, TimeSpan Paused)
    {
        public ToolCollections Since() => new(
            GC.CollectionCount(0) - Collections,
            GC.CollectionCount(2) - FullCollections,
            Math.Round((GC.GetTotalPauseDuration() - Paused).TotalMilliseconds, 1));
    }
}
