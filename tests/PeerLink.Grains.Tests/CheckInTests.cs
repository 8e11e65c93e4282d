using PeerLink.Grains.Conversations;
using PeerLink.Grains.Events;

namespace PeerLink.Grains.Tests;

public sealed class CheckInTests
{
    [Fact]
    public async Task A_due_check_in_is_told_to_both_and_offered_to_the_same_peer_once_they_are_available()
    {
        await using var app = await PeerLinkSilo.StartAsync();
        await TalkAndScheduleCheckInAsync(app);

        app.Clock.Advance(TimeSpan.FromMinutes(11));

        await AssertCheckInReachesThePairAsync(app);
    }

    [Fact]
    public async Task A_check_in_reminder_fires_after_a_silo_restart_with_Redis_storage()
    {
        await using var redis = await RedisServer.StartNewAsync(appendOnly: true);
        await using var app = await PeerLinkSilo.StartAsync(redis.ConnectionString);
        await TalkAndScheduleCheckInAsync(app);

        await app.Silo.CrashAndRestartAsync();
        app.Clock.Advance(TimeSpan.FromMinutes(11));

        await AssertCheckInReachesThePairAsync(app);
    }

    [Fact]
    public async Task A_check_in_that_fell_due_while_no_silo_ran_is_announced_within_a_minute_of_start_up()
    {
        await using var redis = await RedisServer.StartNewAsync(appendOnly: true);
        await using var app = await PeerLinkSilo.StartAsync(redis.ConnectionString);
        await TalkAndScheduleCheckInAsync(app);

        // Down from before the check-in was due until long after: Orleans would skip the tick that fell due meanwhile.
        await app.Silo.StopAsync();
        app.Clock.Advance(TimeSpan.FromHours(3));
        await app.Silo.StartAgainAsync();

        await app.AdvanceUntilAsync(() => app.Events.To<CheckInDue>("s").Count > 0, TimeSpan.FromMinutes(1), "the missed check-in was announced");
        await AssertCheckInReachesThePairAsync(app);
    }

    [Fact]
    public async Task A_check_in_can_only_be_scheduled_with_someone_you_talked_with_and_in_the_future()
    {
        await using var app = await PeerLinkSilo.StartAsync();
        var seeker = await app.AddSeekerAsync("s");

        var stranger = await Assert.ThrowsAsync<RuleViolationException>(() => seeker.ScheduleCheckIn("nobody", app.Clock.GetUtcNow().AddDays(1)));

        Assert.Equal("check-in-stranger", stranger.Code);
        Assert.Empty(await seeker.GetCheckIns());
    }

    private static async Task TalkAndScheduleCheckInAsync(PeerLinkSilo app)
    {
        var conversationId = await app.StartConversationAsync();
        await app.Conversation(conversationId).End("s");
        var seeker = app.Person("s");

        await seeker.ScheduleCheckIn("p", app.Clock.GetUtcNow().AddMinutes(10));

        Assert.Single(await seeker.GetCheckIns());
        await Eventually.TrueAsync(async () => (await app.Person("p").GetCheckIns()).Count == 1, "the peer recorded the check-in");
    }

    private static async Task AssertCheckInReachesThePairAsync(PeerLinkSilo app)
    {
        var due = await app.Events.WaitFor<CheckInDue>("s");
        await app.Events.WaitFor<CheckInDue>("p", d => d.CheckInId == due.CheckInId);
        await Eventually.TrueAsync(async () => (await app.English.GetStats()).Waiting == 1, "the check-in queued a request");

        // The peer's connection lapsed while time moved on; when it beats again the offer comes to them.
        await app.Person("p").Connected(PeerLinkSilo.NodeId, 1);
        var offer = await app.Events.WaitFor<OfferMade>("p", o => o.Topic == "Check-in");
        await app.English.AcceptOffer(offer.OfferId, "p");
        var matched = await app.Events.WaitFor<Matched>("s", m => m.RequestId == offer.RequestId);
        Assert.Equal("p", matched.PartnerId);
        Assert.Equal(ConversationStatus.Active, (await app.Conversation(matched.ConversationId).GetInfo()).Status);
    }
}
