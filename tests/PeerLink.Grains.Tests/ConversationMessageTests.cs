using PeerLink.Grains.Events;

namespace PeerLink.Grains.Tests;

public sealed class ConversationMessageTests
{
    [Fact]
    public async Task Messages_are_numbered_in_order_and_told_to_both_participants()
    {
        await using var app = await PeerLinkSilo.StartAsync();
        var id = await app.StartConversationAsync();

        var first = await app.Conversation(id).SendMessage("s", "hello");
        var second = await app.Conversation(id).SendMessage("p", "hi, I'm here");

        Assert.Equal((1, 2), (first.Seq, second.Seq));
        foreach (var person in new[] { "s", "p" })
        {
            var received = app.Events.To<MessageReceived>(person);
            Assert.Equal([(1L, "s", "hello"), (2L, "p", "hi, I'm here")], received.Select(m => (m.Seq, m.SenderId, m.Text)));
        }
    }

    [Fact]
    public async Task Reading_after_a_number_returns_what_was_missed_with_senders_and_times()
    {
        await using var app = await PeerLinkSilo.StartAsync();
        var id = await app.StartConversationAsync();
        for (var i = 1; i <= 5; i++)
        {
            await app.Conversation(id).SendMessage(i % 2 == 0 ? "p" : "s", $"m{i}");
        }

        var page = await app.Conversation(id).GetMessages("p", after: 3, limit: 100);

        Assert.False(page.HasMore);
        Assert.Equal([(4L, "p", "Peer p", "m4"), (5L, "s", "Seeker s", "m5")], page.Messages.Select(m => (m.Seq, m.SenderId, m.Pseudonym, m.Text)));
        Assert.All(page.Messages, m => Assert.Equal(app.Clock.GetUtcNow(), m.SentAt));
    }

    [Fact]
    public async Task A_page_says_when_more_messages_follow()
    {
        await using var app = await PeerLinkSilo.StartAsync();
        var id = await app.StartConversationAsync();
        for (var i = 1; i <= 3; i++)
        {
            await app.Conversation(id).SendMessage("s", $"m{i}");
        }

        var page = await app.Conversation(id).GetMessages("s", after: 0, limit: 2);

        Assert.True(page.HasMore);
        Assert.Equal([1L, 2L], page.Messages.Select(m => m.Seq));
    }

    [Fact]
    public async Task Someone_outside_the_conversation_can_neither_send_nor_read_and_nothing_is_stored()
    {
        await using var app = await PeerLinkSilo.StartAsync();
        var id = await app.StartConversationAsync();
        await app.AddSeekerAsync("outsider");

        var send = await Assert.ThrowsAsync<RuleViolationException>(() => app.Conversation(id).SendMessage("outsider", "let me in"));
        var read = await Assert.ThrowsAsync<RuleViolationException>(() => app.Conversation(id).GetMessages("outsider", 0, 10));

        Assert.Equal(("not-a-participant", "not-a-participant"), (send.Code, read.Code));
        Assert.Empty((await app.Conversation(id).GetMessages("s", 0, 10)).Messages);
        Assert.Empty(app.Events.All.OfType<MessageReceived>());
    }

    [Theory]
    [InlineData("", "message-empty")]
    [InlineData("   \n ", "message-empty")]
    [InlineData("bell\a", "message-invalid")]
    [InlineData("\u200B\u200B\u200D", "message-empty")]
    [InlineData("\u202E \u2066", "message-empty")]
    [InlineData("\u3164", "message-empty")]
    public async Task A_bad_message_is_refused_and_nothing_is_stored(string text, string code)
    {
        await using var app = await PeerLinkSilo.StartAsync();
        var id = await app.StartConversationAsync();

        var refused = await Assert.ThrowsAsync<RuleViolationException>(() => app.Conversation(id).SendMessage("s", text));

        Assert.Equal(code, refused.Code);
        Assert.Empty((await app.Conversation(id).GetMessages("s", 0, 10)).Messages);
    }

    [Fact]
    public async Task Direction_overrides_are_dropped_from_a_message_and_its_right_to_left_marks_are_kept()
    {
        await using var app = await PeerLinkSilo.StartAsync();
        var id = await app.StartConversationAsync();

        await app.Conversation(id).SendMessage("s", "call me \u202Egnirts\u202C now");
        await app.Conversation(id).SendMessage("s", "Jos\u00E9 \u05E9\u05DC\u05D5\u05DD\u200F!");

        var stored = (await app.Conversation(id).GetMessages("s", 0, 10)).Messages.Select(m => m.Text).ToList();
        Assert.Equal(["call me gnirts now", "Jos\u00E9 \u05E9\u05DC\u05D5\u05DD\u200F!"], stored);
        Assert.Equal(stored, app.Events.To<MessageReceived>("p").Select(m => m.Text));
    }

    [Fact]
    public async Task A_message_of_4000_characters_is_stored_and_one_of_4001_is_refused()
    {
        await using var app = await PeerLinkSilo.StartAsync();
        var id = await app.StartConversationAsync();

        await app.Conversation(id).SendMessage("s", new string('a', 4000));
        var refused = await Assert.ThrowsAsync<RuleViolationException>(() => app.Conversation(id).SendMessage("s", new string('a', 4001)));

        Assert.Equal("message-too-long", refused.Code);
        Assert.Single((await app.Conversation(id).GetMessages("s", 0, 10)).Messages);
    }

    [Fact]
    public async Task After_the_end_no_message_is_accepted_but_the_history_stays_readable()
    {
        await using var app = await PeerLinkSilo.StartAsync();
        var id = await app.StartConversationAsync();
        await app.Conversation(id).SendMessage("s", "thank you");
        await app.Conversation(id).End("s");

        var refused = await Assert.ThrowsAsync<RuleViolationException>(() => app.Conversation(id).SendMessage("p", "take care"));

        Assert.Equal("conversation-ended", refused.Code);
        Assert.Equal(["thank you"], (await app.Conversation(id).GetMessages("p", 0, 10)).Messages.Select(m => m.Text));
    }

    [Fact]
    public async Task An_unknown_conversation_refuses_messages()
    {
        await using var app = await PeerLinkSilo.StartAsync();

        var refused = await Assert.ThrowsAsync<RuleViolationException>(() => app.Conversation("nope").SendMessage("s", "hello"));

        Assert.Equal("conversation-unknown", refused.Code);
    }

    [Fact]
    public async Task Acknowledged_messages_survive_a_crash_with_Redis_storage_in_order()
    {
        await using var redis = await RedisServer.StartNewAsync(appendOnly: true);
        await using var app = await PeerLinkSilo.StartAsync(redis.ConnectionString);
        var id = await app.StartConversationAsync();
        var acks = new List<long>();
        for (var i = 1; i <= 20; i++)
        {
            acks.Add((await app.Conversation(id).SendMessage(i % 2 == 0 ? "p" : "s", $"m{i}")).Seq);
        }

        await app.Silo.CrashAndRestartAsync();

        var page = await app.Conversation(id).GetMessages("s", 0, 100);
        Assert.Equal(acks, page.Messages.Select(m => m.Seq));
        Assert.Equal(Enumerable.Range(1, 20).Select(i => $"m{i}"), page.Messages.Select(m => m.Text));
    }
}
