using System.Text.Json;
using PeerLink.Testing.SignalR;

namespace PeerLink.Web.Tests;

/// <summary>A seeker and a peer matched over the hub, each with a live connection: the start of most conversation tests.</summary>
public sealed class LiveConversation : IAsyncDisposable
{
    private LiveConversation(string conversationId, (string PersonId, string Token) seeker, (string PersonId, string Token) peer, HubClient seekerHub, HubClient peerHub)
    {
        ConversationId = conversationId;
        Seeker = seeker;
        Peer = peer;
        SeekerHub = seekerHub;
        PeerHub = peerHub;
    }

    public string ConversationId { get; }

    public (string PersonId, string Token) Seeker { get; }

    public (string PersonId, string Token) Peer { get; }

    public HubClient SeekerHub { get; }

    public HubClient PeerHub { get; }

    public static async Task<LiveConversation> StartAsync(LivePeerLink app, string peerUsername = "peer-vet")
    {
        var peer = await app.PeerAsync(peerUsername, ["veteran"]);
        var seeker = await app.GuestAsync("River");
        var peerHub = await HubClient.ConnectAsync(app.HubUrl, peer.Token);
        var seekerHub = await HubClient.ConnectAsync(app.HubUrl, seeker.Token);
        await peerHub.InvokeAsync("SetAvailability", new { available = true, capacity = 2 });
        await seekerHub.InvokeAsync<JsonElement>("RequestConversation", new { identities = new[] { "veteran" }, language = "en" });
        var offer = (await peerHub.WaitForEventAsync("OfferReceived")).Arguments[0];
        await peerHub.InvokeAsync("AcceptOffer", offer.GetProperty("offerId").GetString());
        var matched = (await seekerHub.WaitForEventAsync("Matched")).Arguments[0];
        return new LiveConversation(matched.GetProperty("conversationId").GetString()!, seeker, peer, seekerHub, peerHub);
    }

    public async ValueTask DisposeAsync()
    {
        await SeekerHub.DisposeAsync();
        await PeerHub.DisposeAsync();
    }
}
