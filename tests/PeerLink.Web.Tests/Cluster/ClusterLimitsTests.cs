using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using static PeerLink.Web.Tests.Cluster.NodeClient;

namespace PeerLink.Web.Tests.Cluster;

/// <summary>The limits a person (or an address) can meet, spread over two nodes of one cluster.</summary>
public sealed class ClusterLimitsTests
{
    private static readonly Dictionary<string, string?> Limits = new()
    {
        ["PeerLink:Limits:SignInsPerMinute"] = "3",
        ["PeerLink:Limits:HubCallsPerTenSeconds"] = "4",
        ["PeerLink:Limits:WritesPerMinute"] = "3",
        ["PeerLink:Limits:ConnectionsPerPerson"] = "2",
        ["PeerLink:Limits:ConnectionsPerAddress"] = "3",
    };

    [Fact]
    public async Task Calls_writes_connections_and_sign_ins_spread_over_two_nodes_meet_one_limit()
    {
        await using var redis = await RedisServer.StartNewAsync();
        await using var cluster = await PeerLinkCluster.StartAsync(typeof(Program).Assembly.Location, redis, settings: Limits);
        var (a, b) = (cluster.Nodes[0], cluster.Nodes[1]);

        // Sign-ins: 2 of the address's 3.
        var (_, river) = await GuestAsync(a, "River");
        var (_, ash) = await GuestAsync(b, "Ash");

        // Hub calls: 4 in ten seconds, wherever they are made.
        await using var riverOnA = await PersonHub.ConnectAsync(a, river);
        await using var riverOnB = await PersonHub.ConnectAsync(b, river);
        foreach (var hub in new[] { riverOnA, riverOnB, riverOnA, riverOnB })
        {
            Assert.False(await IsRateLimitedAsync(hub));
        }

        Assert.True(await IsRateLimitedAsync(riverOnA));
        Assert.True(await IsRateLimitedAsync(riverOnB));

        // Connections: River holds 2 (the cap a person), one on each node, so a third is refused on either.
        var third = await PersonHub.ConnectAsync(a, river);
        await third.Closed.WaitAsync(TimeSpan.FromSeconds(10));

        // The address holds 2 of its 3: Ash's first fits, the next (on the other node) does not, until one closes.
        // A connection is counted as the hub takes it, after the handshake: one that answered a call was taken.
        var ashOnA = await PersonHub.ConnectAsync(a, ash);
        Assert.False(await IsRateLimitedAsync(ashOnA));
        var ashOnB = await PersonHub.ConnectAsync(b, ash);
        await ashOnB.Closed.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(HubConnectionState.Connected, ashOnA.Connection.State);
        await ashOnA.DisposeAsync();
        await Eventually.TrueAsync(async () =>
        {
            var again = await PersonHub.ConnectAsync(b, ash);
            await Task.Delay(TimeSpan.FromMilliseconds(300));
            var stayed = again.Connection.State == HubConnectionState.Connected;
            await again.DisposeAsync();
            return stayed;
        }, "a connection fits again once one closed on the other node");

        // Writes: 3 a minute a person, wherever they are sent.
        using var ashHttpA = Http(a, ash);
        using var ashHttpB = Http(b, ash);
        var profile = new { identities = Array.Empty<string>(), languages = new[] { "en" }, timeZone = "UTC" };
        foreach (var http in new[] { ashHttpA, ashHttpB, ashHttpA })
        {
            Assert.NotEqual(HttpStatusCode.TooManyRequests, (await http.PutAsJsonAsync("/api/me/profile", profile)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await ashHttpB.PutAsJsonAsync("/api/me/profile", profile)).StatusCode);

        // Sign-ins: the address's third, then none on either node.
        await GuestAsync(b, "Fern");
        foreach (var node in new[] { a, b })
        {
            using var anonymous = new HttpClient { BaseAddress = node.BaseUrl };
            var refused = await anonymous.PostAsJsonAsync("/api/auth/guest", new { pseudonym = "Wren" });
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        }
    }

    private static async Task<bool> IsRateLimitedAsync(PersonHub hub)
    {
        try
        {
            await hub.Connection.InvokeAsync("LeaveGroup", "open-room");
            return false;
        }
        catch (HubException e)
        {
            return e.Message.Contains("rate-limited:", StringComparison.Ordinal);
        }
    }
}
