using PeerLink.Load.Scenario;

namespace PeerLink.Load.Tests;

public sealed class ToolCollectionsTests
{
    [Fact]
    public void A_full_collection_in_the_window_is_counted_with_its_pause()
    {
        // Enough live objects that marking them takes well over the 0.1 ms the figure is rounded to.
        var live = Enumerable.Range(0, 300_000).Select(i => new object()).ToArray();
        var mark = ToolCollections.Start();

        GC.Collect(2, GCCollectionMode.Forced, blocking: true);
        var seen = mark.Since();

        Assert.InRange(seen.Collections, 1, int.MaxValue);
        Assert.InRange(seen.FullCollections, 1, seen.Collections);
        Assert.True(seen.PausedMs > 0, $"paused {seen.PausedMs} ms");
        GC.KeepAlive(live);
    }
}
