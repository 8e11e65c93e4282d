using PeerLink.Testing;

namespace PeerLink.Load.Hosting;

/// <summary>
/// Two PeerLink web nodes, each in a process of its own co-hosting a silo, in one Orleans cluster on the run's
/// redis-server. Seekers connect to the first and peers to the second, so every message crosses from one node to the
/// other (SignalR's Redis backplane) and every grain call may.
/// </summary>
internal sealed class ClusterPeerLink : PeerLinkServer
{
    private readonly PeerLinkCluster cluster;

    private ClusterPeerLink(PeerLinkCluster cluster) => this.cluster = cluster;

    public override Uri BaseUrl => cluster.Nodes[0].BaseUrl;

    public override Uri PeerBaseUrl => cluster.Nodes[1].BaseUrl;

    public override IReadOnlyList<Uri> NodeUrls => [.. cluster.Nodes.Select(n => n.BaseUrl)];

    public override int? Pid => cluster.Nodes[0].Pid;

    public override string Description => "two web nodes, each co-hosting a silo, in processes of their own; seekers on one, peers on the other";

    public static async Task<ClusterPeerLink> StartAsync(RedisServer redis, IReadOnlyDictionary<string, string?> settings)
    {
        var nodeSettings = new Dictionary<string, string?>(settings) { ["PeerLink:Demo:Seed"] = "false" };
        var server = new ClusterPeerLink(await PeerLinkCluster.StartAsync(typeof(Program).Assembly.Location, redis, count: 2, nodeSettings))
        {
            AdminPassword = settings["PeerLink:Admin:Password"]!,
        };
        return server;
    }

    /// <summary>The nodes' resident memory together.</summary>
    public override long? ResidentBytes()
    {
        var each = cluster.Nodes.Select(n => n.Pid is { } pid ? ProcessMemory.ResidentBytes(pid) : null).ToList();
        return each.All(b => b is not null) ? each.Sum() : null;
    }

    public override string OutputTail() => string.Join(Environment.NewLine, cluster.Nodes.Select((n, i) => $"node {i + 1}:{Environment.NewLine}{n.Output}"));

    public override ValueTask DisposeAsync() => cluster.DisposeAsync();
}
