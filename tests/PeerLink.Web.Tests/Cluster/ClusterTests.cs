using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using static PeerLink.Web.Tests.Cluster.NodeClient;

namespace PeerLink.Web.Tests.Cluster;

/// <summary>Two web nodes, each co-hosting a silo, in one Orleans cluster on Redis: people on different nodes.</summary>
public sealed class ClusterTests(ClusterTests.TwoNodes cluster) : IClassFixture<ClusterTests.TwoNodes>
{
    private PeerLinkProcess NodeA => cluster.Nodes.Nodes[0];

    private PeerLinkProcess NodeB => cluster.Nodes.Nodes[1];

    [Fact]
    public async Task Both_nodes_are_active_members_of_one_cluster_and_the_demo_and_the_first_admin_were_made_once()
    {
        foreach (var node in cluster.Nodes.Nodes)
        {
            Assert.Equal(2, await ActiveSilosAsync(node));
            using var http = new HttpClient { BaseAddress = node.BaseUrl };
            await LivePeerLink.SignInAsync(http, "/api/auth/login", new { username = "root", password = "first admin password" });
        }

        var (_, admin) = await SignInAsync(NodeB, "admin");
        using var adminHttp = Http(NodeA, admin);
        var rooms = await adminHttp.GetFromJsonAsync<JsonElement>("/api/groups");
        var ids = rooms.EnumerateArray().Select(r => r.GetProperty("groupId").GetString()).ToList();
        Assert.Equal(["new-parents", "open-room", "veterans"], ids.Where(id => id is "new-parents" or "veterans" or "open-room").Order());
    }

    [Fact]
    public Task A_seeker_on_one_node_and_a_peer_on_the_other_are_matched_and_talk_live_both_ways_in_order() =>
        CrossNodeJourney.SeekerAndPeerTalkAsync(seekerNode: NodeA, peerNode: NodeB);

    [Fact]
    public Task Room_members_on_different_nodes_hear_each_other_live() =>
        CrossNodeJourney.RoomMembersTalkAsync(NodeA, NodeB);

    [Fact]
    public async Task A_person_connected_to_both_nodes_is_online_once_and_stays_online_until_the_last_connection_closes()
    {
        var (watcherId, watcherToken) = await GuestAsync(NodeA, "Wren");
        var (personId, personToken) = await GuestAsync(NodeB, "Ash");
        await using var watcher = await PersonHub.ConnectAsync(NodeA, watcherToken);
        await watcher.Connection.InvokeAsync<JsonElement>("JoinGroup", "open-room");
        var onB = await PersonHub.ConnectAsync(NodeB, personToken);
        await onB.Connection.InvokeAsync<JsonElement>("JoinGroup", "open-room");

        // Node A asks the person's grain, wherever it is: online although their only connection is on node B.
        using var http = Http(NodeA, watcherToken);
        Assert.True(await IsOnlineAsync(http, personId));

        // The hub counts a connection once it has taken it, after the handshake; one that answered a call was taken.
        await using var onA = await PersonHub.ConnectAsync(NodeA, personToken);
        await onA.Connection.InvokeAsync<JsonElement>("JoinGroup", "open-room");
        await onB.DisposeAsync();
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.True(await IsOnlineAsync(http, personId));
        Assert.DoesNotContain(watcher.Heard("GroupMemberPresence"), p => p.GetProperty("personId").GetString() == personId && !p.GetProperty("online").GetBoolean());

        await onA.DisposeAsync();
        await watcher.WaitForAsync("GroupMemberPresence", p => p.GetProperty("personId").GetString() == personId && !p.GetProperty("online").GetBoolean());
        Assert.False(await IsOnlineAsync(http, personId));
        Assert.NotEqual(watcherId, personId);
    }

    [Fact]
    public async Task A_role_taken_away_on_one_node_is_taken_away_from_the_connection_on_the_other()
    {
        var (_, adminToken) = await SignInAsync(NodeA, "admin");
        var (moderatorId, moderatorToken) = await SignInAsync(NodeB, "moderator");
        await using var moderator = await PersonHub.ConnectAsync(NodeB, moderatorToken);
        await moderator.Connection.InvokeAsync("SetOnDuty", true);

        using var admin = Http(NodeA, adminToken);
        try
        {
            (await admin.PutAsJsonAsync($"/api/admin/people/{moderatorId}/roles", new { roles = new[] { "seeker" } })).EnsureSuccessStatusCode();

            await Eventually.TrueAsync(async () =>
            {
                try
                {
                    await moderator.Connection.InvokeAsync("SetOnDuty", true);
                    return false;
                }
                catch (HubException e) when (e.Message.Contains("forbidden:", StringComparison.Ordinal))
                {
                    return true;
                }
            }, "the moderator's connection on node B was refused");
        }
        finally
        {
            (await admin.PutAsJsonAsync($"/api/admin/people/{moderatorId}/roles", new { roles = new[] { "moderator" } })).EnsureSuccessStatusCode();
        }
    }

    [Fact]
    public async Task Signing_out_everywhere_on_one_node_closes_the_persons_connections_on_both()
    {
        var (_, token) = await GuestAsync(NodeA, "Fern");
        await using var onA = await PersonHub.ConnectAsync(NodeA, token);
        await using var onB = await PersonHub.ConnectAsync(NodeB, token);

        using var http = Http(NodeA, token);
        Assert.Equal(HttpStatusCode.NoContent, (await http.PostAsync("/api/auth/sign-out-everywhere", null)).StatusCode);

        await onA.Closed.WaitAsync(TimeSpan.FromSeconds(10));
        await onB.Closed.WaitAsync(TimeSpan.FromSeconds(10));
        using var afterwards = Http(NodeB, token);
        Assert.Equal(HttpStatusCode.Unauthorized, (await afterwards.GetAsync("/api/me")).StatusCode);
    }

    private static async Task<bool> IsOnlineAsync(HttpClient http, string personId)
    {
        var room = await http.GetFromJsonAsync<JsonElement>("/api/groups/open-room");
        return room.GetProperty("members").EnumerateArray().Single(m => m.GetProperty("personId").GetString() == personId).GetProperty("online").GetBoolean();
    }

    /// <summary>One redis-server and two web nodes for the whole class: starting a cluster takes seconds.</summary>
    public sealed class TwoNodes : IAsyncLifetime
    {
        private RedisServer? redis;

        public PeerLinkCluster Nodes { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            redis = await RedisServer.StartNewAsync();
            // Every node is given the first admin, as an operator's shared settings would: whichever starts first makes it.
            Nodes = await PeerLinkCluster.StartAsync(typeof(Program).Assembly.Location, redis, settings: new Dictionary<string, string?>
            {
                ["PeerLink:Admin:Username"] = "root",
                ["PeerLink:Admin:Password"] = "first admin password",

                // The class signs in more people from 127.0.0.1 within a minute than the limit per address lets
                // through; ClusterLimitsTests checks that limit.
                ["PeerLink:Limits:SignInsPerMinute"] = "1000",
            });
        }

        public async Task DisposeAsync()
        {
            await Nodes.DisposeAsync();
            await redis!.DisposeAsync();
        }
    }
}
