using System.Net.Http.Json;
using System.Text.Json;

namespace PeerLink.Web.Tests.Cluster;

/// <summary>
/// Two dedicated silos (PeerLink.Silo) and two web nodes running as their Orleans clients
/// (PeerLink:Web:SiloMode=Client), all given the same Orleans settings: the grains live on the silos, which hand each
/// event to a web node, and SignalR's backplane takes it to the node that holds the person.
/// </summary>
public sealed class DedicatedSiloTests(DedicatedSiloTests.TwoSilosTwoWebNodes cluster) : IClassFixture<DedicatedSiloTests.TwoSilosTwoWebNodes>
{
    private PeerLinkProcess WebA => cluster.Nodes.Nodes[0];

    private PeerLinkProcess WebB => cluster.Nodes.Nodes[1];

    [Fact]
    public async Task Each_web_node_is_a_client_of_both_silos_and_ready_once_the_cluster_sends_it_events()
    {
        foreach (var node in cluster.Nodes.Nodes)
        {
            using var http = new HttpClient { BaseAddress = node.BaseUrl };
            await Eventually.TrueAsync(async () =>
            {
                var health = await http.GetFromJsonAsync<JsonElement>("/healthz");
                var data = health.GetProperty("checks").GetProperty("cluster").GetProperty("data");
                return data.GetProperty("siloMode").GetString() == "client"
                    && data.GetProperty("activeSilos").GetInt32() == 2
                    && data.GetProperty("webNodes").GetInt32() == 2;
            }, "the web node reports two active silos and two web nodes taking events", TimeSpan.FromSeconds(30));
        }
    }

    [Fact]
    public Task A_seeker_on_one_web_node_and_a_peer_on_the_other_are_matched_and_talk_live_both_ways_in_order() =>
        CrossNodeJourney.SeekerAndPeerTalkAsync(seekerNode: WebA, peerNode: WebB);

    [Fact]
    public Task Room_members_on_different_web_nodes_hear_each_other_live() =>
        CrossNodeJourney.RoomMembersTalkAsync(WebA, WebB);

    /// <summary>One redis-server, two silos and two web nodes for the whole class.</summary>
    public sealed class TwoSilosTwoWebNodes : IAsyncLifetime
    {
        private RedisServer? redis;

        public PeerLinkCluster Nodes { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            redis = await RedisServer.StartNewAsync();
            Nodes = await PeerLinkCluster.StartWithDedicatedSilosAsync(typeof(Program).Assembly.Location, redis);
        }

        public async Task DisposeAsync()
        {
            await Nodes.DisposeAsync();
            await redis!.DisposeAsync();
        }
    }
}
