using System.Text.Json;
using PeerLink.Testing.SignalR;

namespace PeerLink.Web.Tests.Realtime;

public sealed class EventDeliveryTests
{
    [Fact]
    public async Task Each_person_hears_their_messages_in_the_order_they_were_stored()
    {
        await using var app = new LivePeerLink();
        await using var talk = await LiveConversation.StartAsync(app);

        // Sent together, so they are stored and published as fast as PeerLink can.
        await Task.WhenAll(Enumerable.Range(1, 10).Select(i => talk.SeekerHub.InvokeAsync<JsonElement>("SendMessage", talk.ConversationId, $"m{i}")));

        foreach (var hub in new[] { talk.SeekerHub, talk.PeerHub })
        {
            await Eventually.TrueAsync(() => Seqs(hub).Count == 10, "10 MessageReceived");
            Assert.Equal(Enumerable.Range(1, 10).Select(i => (long)i), Seqs(hub));
        }
    }

    [Fact]
    public async Task Every_connection_of_a_person_hears_their_events_and_one_closing_leaves_the_other_hearing()
    {
        await using var app = new LivePeerLink();
        await using var talk = await LiveConversation.StartAsync(app);
        await using var secondTab = await HubClient.ConnectAsync(app.HubUrl, talk.Peer.Token);

        await talk.SeekerHub.InvokeAsync<JsonElement>("SendMessage", talk.ConversationId, "to both tabs");
        await talk.PeerHub.WaitForEventAsync("MessageReceived");
        await secondTab.WaitForEventAsync("MessageReceived");
        await talk.PeerHub.DisposeAsync();
        await talk.SeekerHub.InvokeAsync<JsonElement>("SendMessage", talk.ConversationId, "to the tab left open");

        await Eventually.TrueAsync(() => Seqs(secondTab).Count == 2, "the second message on the tab left open");
        Assert.Equal([1L, 2L], Seqs(secondTab));
    }

    private static List<long> Seqs(HubClient hub) =>
        [.. hub.Events.Where(e => e.Target == "MessageReceived").Select(e => e.Arguments[0].GetProperty("seq").GetInt64())];
}
