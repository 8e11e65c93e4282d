namespace PeerLink.Testing;

/// <summary>
/// Several PeerLink web nodes in one Orleans cluster on one redis-server, each its own process on 127.0.0.1, joined
/// through Orleans' Redis clustering and nothing else, as an operator would start them: either each co-hosting a silo
/// (<see cref="StartAsync"/>) or as Orleans clients of dedicated PeerLink.Silo processes (<see cref="StartWithDedicatedSilosAsync"/>).
/// </summary>
public sealed class PeerLinkCluster : IAsyncDisposable
{
    public const string DemoPassword = "demo password";

    private PeerLinkCluster(IReadOnlyList<PeerLinkProcess> nodes, IReadOnlyList<PeerLinkProcess> silos)
    {
        Nodes = nodes;
        Silos = silos;
    }

    /// <summary>The web nodes.</summary>
    public IReadOnlyList<PeerLinkProcess> Nodes { get; }

    /// <summary>The dedicated silos; none when the web nodes co-host them.</summary>
    public IReadOnlyList<PeerLinkProcess> Silos { get; }

    /// <summary>The settings that make one node of a cluster on <paramref name="redis"/>: only the connection string and Orleans' own keys.</summary>
    public static Dictionary<string, string?> NodeSettings(RedisServer redis) => new()
    {
        ["ConnectionStrings:redis"] = redis.ConnectionString,
        ["Orleans:Clustering:ProviderType"] = "Redis",
        ["Orleans:Clustering:ServiceKey"] = "redis",
        ["Orleans:GrainStorage:Default:ProviderType"] = "Redis",
        ["Orleans:GrainStorage:Default:ServiceKey"] = "redis",
        ["Orleans:Reminders:ProviderType"] = "Redis",
        ["Orleans:Reminders:ServiceKey"] = "redis",
        ["Orleans:Endpoints:AdvertisedIPAddress"] = "127.0.0.1",
        ["Orleans:Endpoints:SiloPort"] = LoopbackPort.Free().ToString(),
        ["Orleans:Endpoints:GatewayPort"] = LoopbackPort.Free().ToString(),
    };

    /// <summary>Starts <paramref name="count"/> web nodes at once, with demo seeding on every one of them.</summary>
    /// <param name="appPath">PeerLink.Web.dll from the caller's build.</param>
    public static Task<PeerLinkCluster> StartAsync(string appPath, RedisServer redis, int count = 2, IReadOnlyDictionary<string, string?>? settings = null) =>
        StartAsync([], WebNodes(appPath, redis, count, settings, client: false));

    /// <summary>
    /// Starts <paramref name="silos"/> PeerLink.Silo processes, then <paramref name="webNodes"/> web nodes as their
    /// Orleans clients (PeerLink:Web:SiloMode=Client), all with the same Orleans settings and <paramref name="settings"/>.
    /// </summary>
    /// <param name="appPath">PeerLink.Web.dll from the caller's build; the silos run from PeerLink.Silo's own build output.</param>
    public static Task<PeerLinkCluster> StartWithDedicatedSilosAsync(string appPath, RedisServer redis, int silos = 2, int webNodes = 2, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var siloPath = BuildOutput.Program("PeerLink.Silo");
        var siloProcesses = Enumerable.Range(0, silos).Select(_ =>
        {
            var silo = NodeSettings(redis);
            foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            {
                silo[key] = value;
            }

            return new PeerLinkProcess(siloPath, silo, web: false);
        }).ToList();
        return StartAsync(siloProcesses, WebNodes(appPath, redis, webNodes, settings, client: true));
    }

    private static List<PeerLinkProcess> WebNodes(string appPath, RedisServer redis, int count, IReadOnlyDictionary<string, string?>? settings, bool client) =>
        Enumerable.Range(0, count).Select(_ =>
        {
            var node = NodeSettings(redis);
            node["PeerLink:Demo:Seed"] = "true";
            node["PeerLink:Demo:Password"] = DemoPassword;
            node["PeerLink:DataProtection:AllowUnencryptedKeys"] = "true";
            if (client)
            {
                node["PeerLink:Web:SiloMode"] = "Client";
            }

            foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            {
                node[key] = value;
            }

            return new PeerLinkProcess(appPath, node);
        }).ToList();

    private static async Task<PeerLinkCluster> StartAsync(List<PeerLinkProcess> silos, List<PeerLinkProcess> nodes)
    {
        var cluster = new PeerLinkCluster(nodes, silos);
        try
        {
            await Task.WhenAll(silos.Select(s => s.StartAsync()));
            await Task.WhenAll(nodes.Select(n => n.StartAsync()));
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var process in Nodes.Concat(Silos))
        {
            await process.DisposeAsync();
        }
    }
}
