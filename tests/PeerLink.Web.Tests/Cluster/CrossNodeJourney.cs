using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using static PeerLink.Web.Tests.Cluster.NodeClient;

namespace PeerLink.Web.Tests.Cluster;

/// <summary>What a cluster must carry between web nodes, whichever topology it has.</summary>
internal static class CrossNodeJourney
{
    /// <summary>A seeker on one web node and a peer on the other are matched and talk live both ways, in order.</summary>
    public static async Task SeekerAndPeerTalkAsync(PeerLinkProcess seekerNode, PeerLinkProcess peerNode)
    {
        var (_, peerToken) = await SignInAsync(peerNode, "peer1");
        var (_, seekerToken) = await GuestAsync(seekerNode, "River");
        await using var peer = await PersonHub.ConnectAsync(peerNode, peerToken);
        await using var seeker = await PersonHub.ConnectAsync(seekerNode, seekerToken);

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

        using var fromA = Http(seekerNode, peerToken);
        var stored = await fromA.GetFromJsonAsync<JsonElement>($"/api/conversations/{conversationId}/messages?after=0&limit=50");
        Assert.Equal(Enumerable.Range(1, 10).Select(i => (long)i), stored.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("seq").GetInt64()));

        await seeker.Connection.InvokeAsync("EndConversation", conversationId);
        await peer.WaitForAsync("ConversationEnded");
        await peer.Connection.InvokeAsync("SetAvailability", new { available = false, capacity = 2 });
    }

    /// <summary>Room members on different web nodes hear each other's posts, and who joined, live.</summary>
    public static async Task RoomMembersTalkAsync(PeerLinkProcess nodeA, PeerLinkProcess nodeB)
    {
        var (_, firstToken) = await GuestAsync(nodeA, "Linden");
        var (secondId, secondToken) = await GuestAsync(nodeB, "Maple");
        await using var first = await PersonHub.ConnectAsync(nodeA, firstToken);
        await using var second = await PersonHub.ConnectAsync(nodeB, secondToken);
        await first.Connection.InvokeAsync<JsonElement>("JoinGroup", "open-room");
        await second.Connection.InvokeAsync<JsonElement>("JoinGroup", "open-room");
        await first.WaitForAsync("GroupMemberChanged", c => c.GetProperty("personId").GetString() == secondId && c.GetProperty("joined").GetBoolean());

        var ack = await second.Connection.InvokeAsync<JsonElement>("SendGroupMessage", "open-room", "hello from the other node");
        var heard = await first.WaitForAsync("GroupMessageReceived", m => m.GetProperty("seq").GetInt64() == ack.GetProperty("seq").GetInt64());
        Assert.Equal("hello from the other node", heard.GetProperty("text").GetString());

        await first.Connection.InvokeAsync("LeaveGroup", "open-room");
        await second.Connection.InvokeAsync("LeaveGroup", "open-room");
    }
}
