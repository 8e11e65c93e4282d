using System.Runtime;
using PeerLink.Load.Hosting;

namespace PeerLink.Load.Scenario;

/// <summary>
/// Keeps the load tool's own garbage collection out of what it measures. The tool and PeerLink share this
/// machine's two cores, and a collection in the tool holds every simulated person's receive loop: traced, the
/// tool's gen1 collections paused it for 115–170 ms, and each showed up as a stall in PeerLink's figures.
/// </summary>
internal static class Instrument
{
    /// <summary>No blocking full collections in this process while a run is timed (background ones instead).</summary>
    public static void PreferBackgroundCollections() => GCSettings.LatencyMode = GCLatencyMode.SustainedLowLatency;

    /// <summary>
    /// Before a timed phase, collects what setting up left behind in this process, as a benchmark harness does
    /// between iterations. Skipped when PeerLink runs in this process too: that would collect the server's heap,
    /// which is part of what is measured.
    /// </summary>
    public static void CollectBeforeTiming(PeerLinkServer server)
    {
        if (server.Pid == Environment.ProcessId)
        {
            return;
        }

        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }
}
