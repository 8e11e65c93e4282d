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
    public async Task Both_nodes_are_active_members_of_one_cluster_and_the_demo_was_seeded_once()
    {
        foreach (var node in cluster.Nodes.Nodes)
        {
            Assert.Equal(2, await ActiveSilosAsync(node));
        }

        var (_, admin) = await SignInAsync(NodeB, "admin");
        using var adminHttp = Http(NodeA, admin);
        var rooms = await adminHttp.GetFromJsonAsync<JsonElement>("/api/groups");
        var ids = rooms.EnumerateArray().Select(r => r.GetProperty("groupId").GetString()).ToList();
        Assert.Equal(["new-parents", "open-room", "veterans"], ids.Where(id => id is "new-parents" or "veterans" or "open-room").Order());
    }

    [Fact]
    public async Task A_seeker_on_one_node_and_a_peer_on_the_other_are_matched_and_talk_live_both_ways_in_order()
    {
        var (_, peerToken) = await SignInAsync(NodeB, "peer1");
        var (_, seekerToken) = await GuestAsync(NodeA, "River");
        await using var peer = await PersonHub.ConnectAsync(NodeB, peerToken);
        await using var seeker = await PersonHub.ConnectAsync(NodeA, seekerToken);

        await peer.Connection.InvokeAsync("SetAvailability", new { available = true, capacity = 2 });
        await seeker.Connection.InvokeAsync<JsonElement>("RequestConversation", new { identities = new[] { "veteran" }, language = "en" });
        var offer = await peer.WaitForAsync("OfferReceived");
        await peer.Connection.InvokeAsync("AcceptOffer", offer.GetProperty("offerId").GetString());
        var matched = await seeker.WaitForAsync("Matched");
        var conversationId = matched.GetProperty("conversationId").GetString()!;

        for (var i = 1; i <= 10; i++)
        {
            var (from, to) = i % 2 == 1 ? (seeker, peer) : (peer, seeker);
            var ack = await from.Connection.InvokeAsync<JsonElement>("SendMessage", conversationId, $"message {i}");
            var heard = await to.WaitForAsync("MessageReceived", m => m.GetProperty("seq").GetInt64() == ack.GetProperty("seq").GetInt64());
            Assert.Equal($"message {i}", heard.GetProperty("text").GetString());
        }

        // Each side hears the whole conversation (its own messages too, for its other tabs), once and in order.
        foreach (var side in new[] { seeker, peer })
        {
            await Eventually.TrueAsync(() => side.Heard("MessageReceived").Count >= 10, "every message reached both sides");
            Assert.Equal(Enumerable.Range(1, 10).Select(i => $"message {i}"), side.Heard("MessageReceived").Select(m => m.GetProperty("text").GetString()));
        }

        using var fromA = Http(NodeA, peerToken);
        var stored = await fromA.GetFromJsonAsync<JsonElement>($"/api/conversations/{conversationId}/messages?after=0&limit=50");
        Assert.Equal(Enumerable.Range(1, 10).Select(i => (long)i), stored.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("seq").GetInt64()));

        await seeker.Connection.InvokeAsync("EndConversation", conversationId);
        await peer.WaitForAsync("ConversationEnded");
        await peer.Connection.InvokeAsync("SetAvailability", new { available = false, capacity = 2 });
    }

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

        await using var onA = await PersonHub.ConnectAsync(NodeA, personToken);
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
            Nodes = await PeerLinkCluster.StartAsync(typeof(Program).Assembly.Location, redis);
        }

        public async Task DisposeAsync()
        {
            await Nodes.DisposeAsync();
            await redis!.DisposeAsync();
        }
    }
}
