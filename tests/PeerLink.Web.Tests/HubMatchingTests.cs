using System.Net.WebSockets;
using System.Text.Json;
using PeerLink.Testing.SignalR;

namespace PeerLink.Web.Tests;

public sealed class HubMatchingTests
{
    [Fact]
    public async Task A_seeker_and_a_peer_are_matched_over_the_hub_and_both_see_the_end()
    {
        await using var app = new LivePeerLink();
        var peer = await app.PeerAsync("peer-vet", ["veteran"]);
        var seeker = await app.GuestAsync("River");
        await using var peerHub = await HubClient.ConnectAsync(app.HubUrl, peer.Token);
        await using var seekerHub = await HubClient.ConnectAsync(app.HubUrl, seeker.Token);
        await peerHub.InvokeAsync("SetAvailability", new { available = true, capacity = 2 });

        var created = await seekerHub.InvokeAsync<JsonElement>("RequestConversation", new { identities = new[] { "veteran" }, language = "en", topic = "hard week" });
        var offer = (await peerHub.WaitForEventAsync("OfferReceived")).Arguments[0];
        await peerHub.InvokeAsync("AcceptOffer", offer.GetProperty("offerId").GetString());
        var matched = (await seekerHub.WaitForEventAsync("Matched")).Arguments[0];
        var peerMatched = (await peerHub.WaitForEventAsync("Matched")).Arguments[0];
        var conversationId = matched.GetProperty("conversationId").GetString();
        await seekerHub.InvokeAsync("EndConversation", conversationId);

        Assert.Equal(created.GetProperty("requestId").GetString(), offer.GetProperty("requestId").GetString());
        Assert.Equal("hard week", offer.GetProperty("topic").GetString());
        Assert.Equal(["veteran"], offer.GetProperty("identities").EnumerateArray().Select(i => i.GetString()));
        Assert.Equal(("peer-vet", "You are both veterans."), (matched.GetProperty("partner").GetProperty("pseudonym").GetString(), matched.GetProperty("reason").GetString()));
        Assert.Equal("River", peerMatched.GetProperty("partner").GetProperty("pseudonym").GetString());
        foreach (var hub in new[] { seekerHub, peerHub })
        {
            var ended = (await hub.WaitForEventAsync("ConversationEnded")).Arguments[0];
            Assert.Equal((conversationId, seeker.PersonId), (ended.GetProperty("conversationId").GetString(), ended.GetProperty("endedBy").GetString()));
        }
    }

    [Fact]
    public async Task A_waiting_seeker_hears_their_queue_position_and_stage()
    {
        await using var app = new LivePeerLink();
        var seeker = await app.GuestAsync("River");
        await using var hub = await HubClient.ConnectAsync(app.HubUrl, seeker.Token);

        await hub.InvokeAsync<JsonElement>("RequestConversation", new { identities = new[] { "carer" }, language = "en" });
        var update = (await hub.WaitForEventAsync("QueueUpdated")).Arguments[0];

        Assert.Equal(1, update.GetProperty("position").GetInt32());
        Assert.Equal("sharedIdentity", update.GetProperty("stage").GetString());
        Assert.Equal(JsonValueKind.Null, update.GetProperty("estimatedWaitSeconds").ValueKind);
    }

    [Fact]
    public async Task A_seeker_calling_SetAvailability_is_refused_and_stays_connected()
    {
        await using var app = new LivePeerLink();
        var seeker = await app.GuestAsync("River");
        await using var hub = await HubClient.ConnectAsync(app.HubUrl, seeker.Token);

        var error = await Assert.ThrowsAsync<HubInvocationException>(() => hub.InvokeAsync("SetAvailability", new { available = true, capacity = 2 }));

        Assert.Contains("forbidden: Only a peer", error.ServerMessage, StringComparison.Ordinal);
        await hub.InvokeAsync<JsonElement>("RequestConversation", new { identities = new[] { "carer" }, language = "en" });
    }

    [Theory]
    [InlineData("dragon-tamer", "en", "identity-unknown")]
    [InlineData("veteran", "xx", "language-unsupported")]
    public async Task A_bad_request_over_the_hub_gets_the_rules_reason(string identity, string language, string code)
    {
        await using var app = new LivePeerLink();
        var seeker = await app.GuestAsync("River");
        await using var hub = await HubClient.ConnectAsync(app.HubUrl, seeker.Token);

        var error = await Assert.ThrowsAsync<HubInvocationException>(() => hub.InvokeAsync("RequestConversation", new { identities = new[] { identity }, language }));

        Assert.Contains($"{code}:", error.ServerMessage, StringComparison.Ordinal);
        await hub.InvokeAsync<JsonElement>("RequestConversation", new { identities = new[] { "carer" }, language = "en" });
    }

    [Fact]
    public async Task Accepting_an_offer_that_does_not_exist_is_refused_clearly()
    {
        await using var app = new LivePeerLink();
        var peer = await app.PeerAsync("peer-x", ["veteran"]);
        await using var hub = await HubClient.ConnectAsync(app.HubUrl, peer.Token);

        var error = await Assert.ThrowsAsync<HubInvocationException>(() => hub.InvokeAsync("AcceptOffer", "not-an-offer"));

        Assert.Contains("offer-unknown:", error.ServerMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_hub_refuses_a_connection_without_a_token()
    {
        await using var app = new LivePeerLink();

        await Assert.ThrowsAnyAsync<WebSocketException>(() => HubClient.ConnectAsync(app.HubUrl));
    }
}
