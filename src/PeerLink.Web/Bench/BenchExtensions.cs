namespace PeerLink.Web.Bench;

internal static class BenchExtensions
{
    /// <summary>Maps the bench-only endpoints that "PeerLink:Bench" turns on; with none on, maps nothing.</summary>
    public static void MapBenchEndpoints(this WebApplication app)
    {
        var options = app.Configuration.GetSection(BenchOptions.SectionName).Get<BenchOptions>() ?? new BenchOptions();
        if (options.EchoHub)
        {
            app.MapHub<EchoHub>(EchoHub.Path);
        }

        if (options.SettleHeap)
        {
            app.MapHeapSettling();
        }
    }
}
