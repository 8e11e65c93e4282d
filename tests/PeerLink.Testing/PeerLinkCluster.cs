namespace PeerLink.Testing;

/// <summary>
/// Several PeerLink web nodes, each co-hosting a silo, in one Orleans cluster on one redis-server: each node its own
/// process on 127.0.0.1, joined through Orleans' Redis clustering and nothing else, as an operator would start them.
/// </summary>
public sealed class PeerLinkCluster : IAsyncDisposable
{
    public const string DemoPassword = "demo password";

    private PeerLinkCluster(IReadOnlyList<PeerLinkProcess> nodes) => Nodes = nodes;

    public IReadOnlyList<PeerLinkProcess> Nodes { get; }

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
    public static async Task<PeerLinkCluster> StartAsync(string appPath, RedisServer redis, int count = 2, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var nodes = Enumerable.Range(0, count).Select(_ =>
        {
            var node = NodeSettings(redis);
            node["PeerLink:Demo:Seed"] = "true";
            node["PeerLink:Demo:Password"] = DemoPassword;
            node["PeerLink:DataProtection:AllowUnencryptedKeys"] = "true";
            foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            {
                node[key] = value;
            }

            return new PeerLinkProcess(appPath, node);
        }).ToList();

        var cluster = new PeerLinkCluster(nodes);
        try
        {
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
        foreach (var node in Nodes)
        {
            await node.DisposeAsync();
        }
    }
}
