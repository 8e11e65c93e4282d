using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using static PeerLink.Web.Tests.Cluster.NodeClient;
using Xunit.Abstractions;

namespace PeerLink.Web.Tests.Cluster;

/// <summary>
/// kill -9 of a process of a cluster while people are talking: "co-hosted" is two web nodes each co-hosting a silo,
/// "dedicated" is two PeerLink.Silo processes with two web nodes as their Orleans clients.
/// </summary>
public sealed class NodeLossTests(ITestOutputHelper output)
{
    private static readonly TimeSpan SendableAgainWithin = TimeSpan.FromSeconds(10);

    [Theory]
    [InlineData("co-hosted")]
    [InlineData("dedicated")]
    public async Task After_a_silo_is_killed_every_conversation_takes_messages_again_within_ten_seconds_and_none_acknowledged_is_lost_or_renumbered(string topology)
    {
        await using var redis = await RedisServer.StartNewAsync();
        await using var cluster = await StartAsync(topology, redis);

        // Co-hosted, the victim is the other web node with its silo; dedicated, one of the silos.
        var (survivor, victim) = (cluster.Nodes[0], topology == "dedicated" ? cluster.Silos[1] : cluster.Nodes[1]);

        // Everyone is on a web node that lives, so what is lost is a silo: the grains it held.
        var (_, peerToken) = await SignInAsync(survivor, "peer1");
        await using var peer = await PersonHub.ConnectAsync(survivor, peerToken);
        await peer.Connection.InvokeAsync("SetAvailability", new { available = true, capacity = 3 });
        var seekers = new List<(string Token, PersonHub Hub)>();
        foreach (var name in new[] { "River", "Wren", "Ash" })
        {
            var (_, token) = await GuestAsync(survivor, name);
            seekers.Add((token, await PersonHub.ConnectAsync(survivor, token)));
        }

        try
        {
            // Three rounds, each with new conversations (placed afresh on either silo) and a new kill of the same node.
            for (var round = 1; round <= 3; round++)
            {
                var conversations = new List<(string Id, PersonHub Seeker, List<long> Acks)>();
                foreach (var (_, seeker) in seekers)
                {
                    conversations.Add((await MatchAsync(seeker, peer, round), seeker, []));
                }

                foreach (var (id, seeker, acks) in conversations)
                {
                    for (var i = 1; i <= 3; i++)
                    {
                        acks.Add((await seeker.Connection.InvokeAsync<JsonElement>("SendMessage", id, $"before {i}")).GetProperty("seq").GetInt64());
                    }
                }

                await victim.KillAsync();
                var sinceKill = Stopwatch.StartNew();
                var firstSends = await Task.WhenAll(conversations.Select(async c =>
                {
                    var seq = await SendUntilTakenAsync(c.Seeker, c.Id, "after the kill");
                    c.Acks.Add(seq);
                    return sinceKill.Elapsed;
                }));
                output.WriteLine($"{topology}, round {round}: first successful send after the kill in {string.Join(", ", firstSends.Select(t => $"{t.TotalSeconds:0.00} s"))}");
                Assert.All(firstSends, t => Assert.True(t < SendableAgainWithin, $"a conversation took messages again only {t.TotalSeconds:0.0} s after the kill"));

                using var http = Http(survivor, peerToken);
                foreach (var (id, seeker, acks) in conversations)
                {
                    var stored = await GetUntilAnsweredAsync(http, $"/api/conversations/{id}/messages?after=0&limit=50");
                    var messages = stored.GetProperty("messages").EnumerateArray().ToList();
                    Assert.Equal([1L, 2L, 3L, 4L], acks);
                    Assert.Equal(acks, messages.Select(m => m.GetProperty("seq").GetInt64()));
                    Assert.Equal(["before 1", "before 2", "before 3", "after the kill"], messages.Select(m => m.GetProperty("text").GetString()));
                    await UntilTakenAsync(async () =>
                    {
                        await seeker.Connection.InvokeAsync("EndConversation", id);
                        return true;
                    });
                }

                await victim.StartAsync();
                await Eventually.TrueAsync(async () => await ActiveSilosAsync(survivor) == 2, "the restarted node rejoined", TimeSpan.FromSeconds(30));
            }
        }
        finally
        {
            foreach (var (_, hub) in seekers)
            {
                await hub.DisposeAsync();
            }
        }
    }

    [Theory]
    [InlineData("co-hosted")]
    [InlineData("dedicated")]
    public async Task After_the_web_node_holding_a_person_is_killed_they_reconnect_to_another_with_the_same_token_catch_up_and_go_on(string topology)
    {
        await using var redis = await RedisServer.StartNewAsync();

        // This test is about the person's way back, not about how fast a death is seen, so it probes at Orleans' own
        // pace: with PeerLink's tight defaults a busy two-core machine can miss probes of the node that lives, and a
        // silo declared dead stops itself (docs/cluster.md, "Failure detection").
        await using var cluster = await StartAsync(topology, redis, new Dictionary<string, string?>
        {
            ["Orleans:Membership:ProbeTimeout"] = "00:00:05",
            ["Orleans:Membership:NumMissedProbesLimit"] = "3",
        });
        var (survivor, victim) = (cluster.Nodes[0], cluster.Nodes[1]);
        var (_, peerToken) = await SignInAsync(survivor, "peer2");
        var (_, seekerToken) = await GuestAsync(victim, "Juniper");
        await using var peer = await PersonHub.ConnectAsync(survivor, peerToken);
        var seekerOnVictim = await PersonHub.ConnectAsync(victim, seekerToken);
        await peer.Connection.InvokeAsync("SetAvailability", new { available = true, capacity = 2 });
        var conversationId = await MatchAsync(seekerOnVictim, peer, round: 1, identity: "new-parent");
        await seekerOnVictim.Connection.InvokeAsync<JsonElement>("SendMessage", conversationId, "hello");
        var lastSeen = (await seekerOnVictim.WaitForAsync("MessageReceived")).GetProperty("seq").GetInt64();

        await victim.KillAsync();
        await seekerOnVictim.Closed.WaitAsync(TimeSpan.FromSeconds(30));
        await seekerOnVictim.DisposeAsync();

        // The peer goes on talking while the seeker is away.
        try
        {
            await SendUntilTakenAsync(peer, conversationId, "are you still there?");
        }
        catch (Exception e) when (e is HubException or InvalidOperationException)
        {
            throw new InvalidOperationException($"The peer's node refused or closed the peer ({e.Message}). Its output:\n{survivor.Output}", e);
        }

        await SendUntilTakenAsync(peer, conversationId, "take your time");

        // The same token on the other node, as a page behind a load balancer reconnects; then it fetches what it missed.
        await using var seeker = await ConnectUntilAcceptedAsync(survivor, seekerToken);
        using var http = Http(survivor, seekerToken);
        var missed = await GetUntilAnsweredAsync(http, $"/api/conversations/{conversationId}/messages?after={lastSeen}&limit=50");
        Assert.Equal(["are you still there?", "take your time"], missed.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("text").GetString()));

        var ack = await SendUntilTakenAsync(seeker, conversationId, "I'm back");
        Assert.Equal(lastSeen + 3, ack);
        await peer.WaitForAsync("MessageReceived", m => m.GetProperty("text").GetString() == "I'm back");
    }

    private static Task<PeerLinkCluster> StartAsync(string topology, RedisServer redis, IReadOnlyDictionary<string, string?>? settings = null) => topology == "dedicated"
        ? PeerLinkCluster.StartWithDedicatedSilosAsync(typeof(Program).Assembly.Location, redis, settings: settings)
        : PeerLinkCluster.StartAsync(typeof(Program).Assembly.Location, redis, settings: settings);

    /// <summary>Calls as the page does: again after a refusal that says nothing was done (or no answer came), until it is taken.</summary>
    private static async Task<T> UntilTakenAsync<T>(Func<Task<T>> call)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return await call();
            }
            catch (HubException e) when (deadline.Elapsed < TimeSpan.FromSeconds(30)
                && (e.Message.Contains("service-unavailable:", StringComparison.Ordinal) || e.Message.Contains("service-timeout:", StringComparison.Ordinal)))
            {
                await Task.Delay(200);
            }
        }
    }

    private static Task<long> SendUntilTakenAsync(PersonHub hub, string conversationId, string text) =>
        UntilTakenAsync(async () => (await hub.Connection.InvokeAsync<JsonElement>("SendMessage", conversationId, text)).GetProperty("seq").GetInt64());

    /// <summary>
    /// Connects as the page's client does: again after a 503. Until the cluster declares the dead silo dead (a few
    /// seconds), the grains that lived there cannot be reached, so signing the connection in can answer 503.
    /// </summary>
    private static async Task<PersonHub> ConnectUntilAcceptedAsync(PeerLinkProcess node, string token)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return await PersonHub.ConnectAsync(node, token);
            }
            catch (HttpRequestException e) when (e.StatusCode == System.Net.HttpStatusCode.ServiceUnavailable && deadline.Elapsed < TimeSpan.FromSeconds(30))
            {
                await Task.Delay(200);
            }
        }
    }

    /// <summary>Reads as the page does: again after a 503, which says it will pass.</summary>
    private static async Task<JsonElement> GetUntilAnsweredAsync(HttpClient http, string path)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var response = await http.GetAsync(path);
            if (response.StatusCode != System.Net.HttpStatusCode.ServiceUnavailable || deadline.Elapsed > TimeSpan.FromSeconds(30))
            {
                response.EnsureSuccessStatusCode();
                return await response.Content.ReadFromJsonAsync<JsonElement>();
            }

            await Task.Delay(200);
        }
    }

    private static async Task<string> MatchAsync(PersonHub seeker, PersonHub peer, int round, string identity = "veteran")
    {
        var seen = peer.Heard("OfferReceived").Count;
        var request = await seeker.Connection.InvokeAsync<JsonElement>("RequestConversation", new { identities = new[] { identity }, language = "en", topic = $"round {round}" });
        var requestId = request.GetProperty("requestId").GetString();
        var offer = await peer.WaitForAsync("OfferReceived", o => o.GetProperty("requestId").GetString() == requestId);
        await peer.Connection.InvokeAsync("AcceptOffer", offer.GetProperty("offerId").GetString());
        var matched = await seeker.WaitForAsync("Matched", m => m.GetProperty("requestId").GetString() == requestId);
        Assert.True(peer.Heard("OfferReceived").Count > seen);
        return matched.GetProperty("conversationId").GetString()!;
    }
}
