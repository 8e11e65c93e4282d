using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PeerLink.Testing.SignalR;

namespace PeerLink.Web.Tests;

public sealed class HubConversationTests
{
    [Fact]
    public async Task Guest_and_peer_talk_both_ways_over_the_hub_then_the_seeker_ends_it()
    {
        await using var app = new LivePeerLink();
        await using var talk = await LiveConversation.StartAsync(app);

        var first = await talk.SeekerHub.InvokeAsync<JsonElement>("SendMessage", talk.ConversationId, "hello, rough day");
        var reply = await talk.PeerHub.InvokeAsync<JsonElement>("SendMessage", talk.ConversationId, "I'm here. Want to tell me about it?");
        await talk.SeekerHub.InvokeAsync("EndConversation", talk.ConversationId);

        Assert.Equal((1, 2), (first.GetProperty("seq").GetInt64(), reply.GetProperty("seq").GetInt64()));
        foreach (var hub in new[] { talk.SeekerHub, talk.PeerHub })
        {
            var seen = await ReceivedAsync(hub, count: 2);
            Assert.Equal(
                [(1L, talk.Seeker.PersonId, "hello, rough day"), (2L, talk.Peer.PersonId, "I'm here. Want to tell me about it?")],
                seen.Select(m => (m.GetProperty("seq").GetInt64(), m.GetProperty("senderId").GetString(), m.GetProperty("text").GetString())));
            Assert.All(seen, m => Assert.Equal(talk.ConversationId, m.GetProperty("conversationId").GetString()));
            await hub.WaitForEventAsync("ConversationEnded");
        }
    }

    [Fact]
    public async Task A_reconnecting_client_fetches_what_it_missed_after_its_last_seq()
    {
        await using var app = new LivePeerLink();
        await using var talk = await LiveConversation.StartAsync(app);
        await talk.SeekerHub.InvokeAsync<JsonElement>("SendMessage", talk.ConversationId, "one");
        talk.PeerHub.Abort();
        await talk.SeekerHub.InvokeAsync<JsonElement>("SendMessage", talk.ConversationId, "two");
        await talk.SeekerHub.InvokeAsync<JsonElement>("SendMessage", talk.ConversationId, "three");

        using var peerHttp = app.Client(talk.Peer.Token);
        var missed = await peerHttp.GetFromJsonAsync<JsonElement>($"/api/conversations/{talk.ConversationId}/messages?after=1");

        Assert.Equal(["two", "three"], missed.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("text").GetString()));
        Assert.Equal([2L, 3L], missed.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("seq").GetInt64()));
        Assert.False(missed.GetProperty("hasMore").GetBoolean());
    }

    [Fact]
    public async Task Someone_elses_conversation_cannot_be_read_and_without_a_token_the_answer_is_401()
    {
        await using var app = new LivePeerLink();
        await using var talk = await LiveConversation.StartAsync(app);
        await talk.SeekerHub.InvokeAsync<JsonElement>("SendMessage", talk.ConversationId, "private");
        var stranger = await app.GuestAsync("Stranger");

        using var strangerHttp = app.Client(stranger.Token);
        var forbidden = await strangerHttp.GetAsync($"/api/conversations/{talk.ConversationId}/messages?after=0");
        using var noCookies = new HttpClient { BaseAddress = app.BaseUrl };
        var anonymous = await noCookies.GetAsync($"/api/conversations/{talk.ConversationId}/messages?after=0");
        var unknown = await strangerHttp.GetAsync("/api/conversations/no-such-conversation/messages");

        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.DoesNotContain("private", await forbidden.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task A_person_lists_their_own_conversations_with_the_partner_and_reason()
    {
        await using var app = new LivePeerLink();
        await using var talk = await LiveConversation.StartAsync(app);

        using var seekerHttp = app.Client(talk.Seeker.Token);
        var list = await seekerHttp.GetFromJsonAsync<JsonElement>("/api/conversations");

        var only = Assert.Single(list.EnumerateArray());
        Assert.Equal(talk.ConversationId, only.GetProperty("conversationId").GetString());
        Assert.Equal("peer-vet", only.GetProperty("partner").GetProperty("pseudonym").GetString());
        Assert.Equal("active", only.GetProperty("status").GetString());
        Assert.Equal("You are both veterans.", only.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task After_the_end_the_seeker_leaves_feedback_and_schedules_a_check_in()
    {
        await using var app = new LivePeerLink();
        await using var talk = await LiveConversation.StartAsync(app);
        await talk.SeekerHub.InvokeAsync("EndConversation", talk.ConversationId);

        using var seekerHttp = app.Client(talk.Seeker.Token);
        var feedback = await seekerHttp.PostAsJsonAsync($"/api/conversations/{talk.ConversationId}/feedback", new { rating = 5, talkAgain = true });
        var checkIn = await seekerHttp.PostAsJsonAsync($"/api/conversations/{talk.ConversationId}/check-in", new { at = DateTimeOffset.UtcNow.AddDays(2) });
        var badRating = await seekerHttp.PostAsJsonAsync($"/api/conversations/{talk.ConversationId}/feedback", new { rating = 9 });

        Assert.Equal(HttpStatusCode.OK, feedback.StatusCode);
        Assert.Equal(HttpStatusCode.OK, checkIn.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badRating.StatusCode);
        Assert.Equal("ended", (await feedback.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("", "message-empty")]
    [InlineData("   ", "message-empty")]
    [InlineData(null, "message-empty")]
    public async Task An_empty_message_is_refused_the_connection_stays_and_nothing_is_stored(string? text, string code)
    {
        await using var app = new LivePeerLink();
        await using var talk = await LiveConversation.StartAsync(app);

        var error = await Assert.ThrowsAsync<HubInvocationException>(() => talk.SeekerHub.InvokeAsync("SendMessage", talk.ConversationId, text));

        Assert.Contains($"{code}:", error.ServerMessage, StringComparison.Ordinal);
        await AssertStillWorksAndNothingStoredAsync(app, talk);
    }

    [Fact]
    public async Task A_message_over_4000_characters_is_refused_the_connection_stays_and_nothing_is_stored()
    {
        await using var app = new LivePeerLink();
        await using var talk = await LiveConversation.StartAsync(app);

        var error = await Assert.ThrowsAsync<HubInvocationException>(() => talk.SeekerHub.InvokeAsync("SendMessage", talk.ConversationId, new string('x', 4001)));

        Assert.Contains("message-too-long:", error.ServerMessage, StringComparison.Ordinal);
        await AssertStillWorksAndNothingStoredAsync(app, talk);
    }

    [Theory]
    [InlineData("no-such-conversation", "conversation-unknown")]
    [InlineData("", "conversation-unknown")]
    [InlineData("../../etc", "conversation-unknown")]
    public async Task A_message_to_an_unknown_conversation_is_refused_clearly(string conversationId, string code)
    {
        await using var app = new LivePeerLink();
        await using var talk = await LiveConversation.StartAsync(app);

        var error = await Assert.ThrowsAsync<HubInvocationException>(() => talk.SeekerHub.InvokeAsync("SendMessage", conversationId, "hello?"));

        Assert.Contains($"{code}:", error.ServerMessage, StringComparison.Ordinal);
        await AssertStillWorksAndNothingStoredAsync(app, talk);
    }

    [Fact]
    public async Task A_sender_who_is_not_a_participant_is_refused_and_nothing_is_stored()
    {
        await using var app = new LivePeerLink();
        await using var talk = await LiveConversation.StartAsync(app);
        var stranger = await app.GuestAsync("Stranger");
        await using var strangerHub = await HubClient.ConnectAsync(app.HubUrl, stranger.Token);

        var error = await Assert.ThrowsAsync<HubInvocationException>(() => strangerHub.InvokeAsync("SendMessage", talk.ConversationId, "let me in"));

        Assert.Contains("not-a-participant:", error.ServerMessage, StringComparison.Ordinal);
        await AssertStillWorksAndNothingStoredAsync(app, talk);
        Assert.Null(strangerHub.Closed.IsCompleted ? "closed" : null);
    }

    [Fact]
    public async Task More_than_ten_messages_a_second_from_one_person_are_refused_and_not_stored()
    {
        await using var app = new LivePeerLink();
        await using var talk = await LiveConversation.StartAsync(app);

        // Sent together, so all twenty fall inside one second however slow the machine is.
        var sends = Enumerable.Range(1, 20).Select(i => talk.SeekerHub.InvokeAsync<JsonElement>("SendMessage", talk.ConversationId, $"m{i}")).ToList();
        var outcomes = await Task.WhenAll(sends.Select(async s =>
        {
            try
            {
                await s;
                return "sent";
            }
            catch (HubInvocationException e) when (e.ServerMessage.Contains("rate-limited:", StringComparison.Ordinal))
            {
                return "limited";
            }
        }));

        Assert.Equal(10, outcomes.Count(o => o == "sent"));
        Assert.Equal(10, outcomes.Count(o => o == "limited"));
        using var seekerHttp = app.Client(talk.Seeker.Token);
        var stored = await seekerHttp.GetFromJsonAsync<JsonElement>($"/api/conversations/{talk.ConversationId}/messages");
        Assert.Equal(10, stored.GetProperty("messages").GetArrayLength());
        Assert.False(talk.SeekerHub.Closed.IsCompleted);
    }

    private static async Task<IReadOnlyList<JsonElement>> ReceivedAsync(HubClient hub, int count)
    {
        await Eventually.TrueAsync(() => hub.Events.Count(e => e.Target == "MessageReceived") >= count, $"{count} MessageReceived");
        return [.. hub.Events.Where(e => e.Target == "MessageReceived").Select(e => e.Arguments[0])];
    }

    /// <summary>The refused call left the connection up, and the conversation holds no message.</summary>
    private static async Task AssertStillWorksAndNothingStoredAsync(LivePeerLink app, LiveConversation talk)
    {
        using var http = app.Client(talk.Seeker.Token);
        var stored = await http.GetFromJsonAsync<JsonElement>($"/api/conversations/{talk.ConversationId}/messages?after=0");
        Assert.Equal(0, stored.GetProperty("messages").GetArrayLength());
        var ack = await talk.SeekerHub.InvokeAsync<JsonElement>("SendMessage", talk.ConversationId, "still here");
        Assert.Equal(1, ack.GetProperty("seq").GetInt64());
    }
}
