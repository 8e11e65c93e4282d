using Microsoft.Extensions.Options;
using PeerLink.Grains.Conversations;
using PeerLink.Grains.Groups;
using PeerLink.Grains.Messages;
using PeerLink.Grains.People;

namespace PeerLink.Grains.Tests;

public sealed class RetentionTests
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task A_transcript_is_cleared_once_the_retention_period_after_its_end_has_passed()
    {
        await using var app = await PeerLinkSilo.StartAsync();
        var id = await TalkAndEndAsync(app);
        app.Clock.Advance(TimeSpan.FromDays(30) - Minute);
        Assert.Equal(3, (await app.Conversation(id).GetMessages("s", 0, 10)).Messages.Count);

        app.Clock.Advance(2 * Minute);

        await AssertPurgedAsync(app, id);
    }

    [Fact]
    public async Task A_purged_transcript_answers_a_catch_up_read_with_an_empty_page_that_says_so()
    {
        await using var app = await PeerLinkSilo.StartAsync();
        var id = await TalkAndEndAsync(app);
        app.Clock.Advance(TimeSpan.FromDays(31));
        await AssertPurgedAsync(app, id);

        var catchUp = await app.Conversation(id).GetMessages("p", after: 2, limit: 10);

        Assert.Equal((0, false), (catchUp.Messages.Count, catchUp.HasMore));
        Assert.NotNull(catchUp.PurgedAt);
        Assert.Equal(ConversationStatus.Ended, (await app.Conversation(id).GetInfo()).Status);
    }

    [Fact]
    public async Task The_retention_period_comes_from_configuration_and_may_be_longer_than_a_timer_can_wait()
    {
        await using var app = await PeerLinkSilo.StartAsync(configure: o => Configure(o, "PeerLink:Retention:Transcripts", "60.00:00:00"));
        var id = await TalkAndEndAsync(app);

        app.Clock.Advance(TimeSpan.FromDays(59));
        Assert.Equal(3, (await app.Conversation(id).GetMessages("s", 0, 10)).Messages.Count);
        app.Clock.Advance(TimeSpan.FromDays(2));

        await AssertPurgedAsync(app, id);
    }

    [Fact]
    public async Task A_retention_period_of_zero_stops_start_up()
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => PeerLinkSilo.StartAsync(configure: o => Configure(o, "PeerLink:Retention:Transcripts", "00:00:00")));

        Assert.Contains("PeerLink:Retention:Transcripts", failure.Message);
    }

    [Fact]
    public async Task A_transcript_purge_still_happens_after_a_silo_crash_with_Redis_storage()
    {
        await using var redis = await RedisServer.StartNewAsync(appendOnly: true);
        await using var app = await PeerLinkSilo.StartAsync(redis.ConnectionString);
        var id = await TalkAndEndAsync(app);

        await app.Silo.CrashAndRestartAsync();
        app.Clock.Advance(TimeSpan.FromDays(31));

        // The restarted silo may still be loading its reminders when the clock jumps (CI saw this): move the clock
        // on a little at a time, as time would pass, instead of waiting for the one jump to be seen.
        await app.AdvanceUntilAsync(
            async () => (await app.Conversation(id).GetMessages("s", 0, 10)).PurgedAt is not null, TimeSpan.FromMinutes(1), "the purge happened after the crash");
        await AssertPurgedAsync(app, id);
    }

    [Fact]
    public async Task A_transcript_purge_that_fell_due_while_no_silo_ran_happens_within_a_minute_of_start_up()
    {
        await using var redis = await RedisServer.StartNewAsync(appendOnly: true);
        await using var app = await PeerLinkSilo.StartAsync(redis.ConnectionString);
        var id = await TalkAndEndAsync(app);

        await app.Silo.StopAsync();
        app.Clock.Advance(TimeSpan.FromDays(31));
        await app.Silo.StartAgainAsync();

        await app.AdvanceUntilAsync(
            async () => (await app.Conversation(id).GetMessages("s", 0, 10)).PurgedAt is not null, TimeSpan.FromMinutes(1), "the missed purge happened");
        await AssertPurgedAsync(app, id);
    }

    [Fact]
    public async Task A_room_message_that_expired_while_no_silo_ran_loses_its_words_within_a_minute_of_start_up()
    {
        await using var redis = await RedisServer.StartNewAsync(appendOnly: true);
        await using var app = await PeerLinkSilo.StartAsync(redis.ConnectionString);
        var room = await RoomWithMembersAsync(app);
        await room.SendMessage("a", "old from a");

        await app.Silo.StopAsync();
        app.Clock.Advance(TimeSpan.FromDays(31));
        await app.Silo.StartAgainAsync();

        await app.AdvanceUntilAsync(
            async () => (await app.Group("parents").GetMessages("b", 0, 10)).Messages.Single().Removed == "retention", TimeSpan.FromMinutes(1), "the missed expiry was dealt with");
    }

    [Fact]
    public async Task A_room_sweep_takes_the_words_out_of_old_messages_only_and_stops_at_the_first_young_one()
    {
        await using var app = await PeerLinkSilo.StartAsync();
        var room = await RoomWithMembersAsync(app);
        await room.SendMessage("a", "old from a");
        await room.SendMessage("b", "old from b");
        app.Clock.Advance(TimeSpan.FromDays(20));
        await room.SendMessage("a", "recent from a");

        app.Clock.Advance(TimeSpan.FromDays(11));

        await Eventually.TrueAsync(async () => (await room.GetMessages("b", 0, 10)).Messages[1].Removed is not null, "the old messages expired");
        var page = await room.GetMessages("b", 0, 10);
        Assert.Equal(
            [(1L, StoredMessage.RemovedText, "retention"), (2L, StoredMessage.RemovedText, "retention"), (3L, "recent from a", null)],
            page.Messages.Select(m => (m.Seq, m.Text, m.Removed)));
    }

    [Fact]
    public async Task A_room_keeps_sweeping_after_a_silo_crash_with_Redis_storage()
    {
        await using var redis = await RedisServer.StartNewAsync(appendOnly: true);
        await using var app = await PeerLinkSilo.StartAsync(redis.ConnectionString);
        var room = await RoomWithMembersAsync(app);
        await room.SendMessage("a", "old from a");

        await app.Silo.CrashAndRestartAsync();
        app.Clock.Advance(TimeSpan.FromDays(31));

        await Eventually.TrueAsync(
            async () => (await app.Group("parents").GetMessages("b", 0, 10)).Messages.Single().Removed == "retention",
            "the old message expired after the restart");
    }

    private static TestSiloOptions Configure(TestSiloOptions options, string key, string value)
    {
        options.Settings[key] = value;
        return options;
    }

    private static async Task<string> TalkAndEndAsync(PeerLinkSilo app)
    {
        var id = await app.StartConversationAsync();
        await app.Conversation(id).SendMessage("s", "hello");
        await app.Conversation(id).SendMessage("p", "hi, I'm here");
        await app.Conversation(id).SendMessage("s", "thanks, bye");
        await app.Conversation(id).End("s");

        return id;
    }

    private static async Task AssertPurgedAsync(PeerLinkSilo app, string id)
    {
        await Eventually.TrueAsync(async () => (await app.Conversation(id).GetMessages("s", 0, 10)).PurgedAt is not null, "the transcript was purged");
        var page = await app.Conversation(id).GetMessages("s", 0, 10);
        Assert.Empty(page.Messages);
    }

    private static async Task<ISupportGroupGrain> RoomWithMembersAsync(PeerLinkSilo app)
    {
        var room = app.Group("parents");
        await room.Create(new GroupSettings("New parents", null, ["new-parent"], Capacity: 5));
        foreach (var member in new[] { "a", "b" })
        {
            await app.Person(member).Register($"Seeker {member}", Role.Seeker);
            await room.Join(member);
        }

        return room;
    }
}
