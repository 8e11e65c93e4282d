using PeerLink.Grains.People;

namespace PeerLink.Web.Bench;

/// <summary>
/// Bench only: a full, compacting, blocking collection in the server, so a load run can start each timed phase
/// (PeerLink's and the echo hub's alike) from the same settled heap, as a benchmark harness does between
/// iterations. Without it, the first gen-1 collection after 5,000 people connect within two seconds promotes
/// their connections' ~115 MB at once, a 165–240 ms pause (traced) that lands in whichever timed phase comes
/// next. Mapped only when <see cref="BenchOptions.SettleHeap"/> is on, and only for admins.
/// </summary>
internal static class HeapSettling
{
    public const string Path = "/bench/settle-heap";

    public static void MapHeapSettling(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost(Path, Settle).RequireAuthorization(nameof(Role.Admin)).ExcludeFromDescription();

    private static SettledHeap Settle()
    {
        var before = GC.GetTotalMemory(forceFullCollection: false);
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        return new SettledHeap(before, GC.GetTotalMemory(forceFullCollection: false));
    }
}

/// <summary>The managed heap in bytes before and after settling.</summary>
public sealed record SettledHeap(long BytesBefore, long BytesAfter);
