using System.Net.Http.Json;
using System.Text.Json;
using PeerLink.Testing.SignalR;

namespace PeerLink.Web.Tests;

/// <summary>Redis mode, with PeerLink and redis-server killed as a crash would kill them.</summary>
public sealed class CrashRecoveryTests
{
    [Fact]
    public async Task Every_acknowledged_message_is_there_in_order_after_PeerLink_and_Redis_are_killed_and_restarted()
    {
        await using var redis = await RedisServer.StartNewAsync(appendOnly: true);
        using var certificate = new TestCertificate();
        await using var server = new PeerLinkProcess(typeof(Program).Assembly.Location, new Dictionary<string, string?>
        {
            // As in production: Redis mode, with the sealing keys encrypted by a certificate.
            ["PeerLink:DataProtection:CertificatePath"] = certificate.Path,
            ["PeerLink:DataProtection:CertificatePassword"] = certificate.Password,
            ["PeerLink:Storage:Provider"] = "Redis",
            ["PeerLink:Storage:RedisConnectionString"] = redis.ConnectionString,
            ["PeerLink:Demo:Seed"] = "true",
            ["PeerLink:Demo:Password"] = "demo password",
        });
        await server.StartAsync();
        using var http = new HttpClient { BaseAddress = server.BaseUrl };
        var seeker = await LivePeerLink.SignInAsync(http, "/api/auth/guest", new { pseudonym = "River" });
        var peer = await LivePeerLink.SignInAsync(http, "/api/auth/login", new { username = "peer1", password = "demo password" });
        var (conversationId, acks) = await TalkAsync(server, seeker.Token, peer.Token);

        await server.KillAsync();
        await redis.StopAsync();
        await redis.StartAsync();
        await server.StartAsync();

        // The same token still works: its keys are in Redis too.
        using var seekerHttp = new HttpClient { BaseAddress = server.BaseUrl };
        seekerHttp.DefaultRequestHeaders.Authorization = new("Bearer", seeker.Token);
        var stored = await seekerHttp.GetFromJsonAsync<JsonElement>($"/api/conversations/{conversationId}/messages?after=0&limit=500");
        var messages = stored.GetProperty("messages").EnumerateArray().ToList();
        Assert.Equal(acks, messages.Select(m => m.GetProperty("seq").GetInt64()));
        Assert.Equal(Enumerable.Range(1, acks.Count).Select(i => $"message {i}"), messages.Select(m => m.GetProperty("text").GetString()));

        await using var again = await HubClient.ConnectAsync(server.HubUrl, seeker.Token);
        var next = await again.InvokeAsync<JsonElement>("SendMessage", conversationId, "after the crash");
        Assert.Equal(acks.Count + 1, next.GetProperty("seq").GetInt64());
    }

    private static async Task<(string ConversationId, List<long> Acks)> TalkAsync(PeerLinkProcess server, string seekerToken, string peerToken)
    {
        await using var peerHub = await HubClient.ConnectAsync(server.HubUrl, peerToken);
        await using var seekerHub = await HubClient.ConnectAsync(server.HubUrl, seekerToken);
        await peerHub.InvokeAsync("SetAvailability", new { available = true, capacity = 2 });
        await seekerHub.InvokeAsync<JsonElement>("RequestConversation", new { identities = new[] { "veteran" }, language = "en" });
        var offer = (await peerHub.WaitForEventAsync("OfferReceived")).Arguments[0];
        await peerHub.InvokeAsync("AcceptOffer", offer.GetProperty("offerId").GetString());
        var conversationId = (await seekerHub.WaitForEventAsync("Matched")).Arguments[0].GetProperty("conversationId").GetString()!;

        var acks = new List<long>();
        for (var i = 1; i <= 30; i++)
        {
            var hub = i % 2 == 0 ? peerHub : seekerHub;
            acks.Add((await hub.InvokeAsync<JsonElement>("SendMessage", conversationId, $"message {i}")).GetProperty("seq").GetInt64());

            // Stay under the ten-a-second limit: this test is about durability, not the limiter.
            await Task.Delay(110);
        }

        return (conversationId, acks);
    }
}
