using PeerLink.Grains.Events;
using PeerLink.Grains.Moderation;
using PeerLink.Grains.People;

namespace PeerLink.Grains.Tests;

public sealed class SafetyInConversationTests
{
    [Fact]
    public async Task A_high_risk_message_is_delivered_both_see_crisis_lines_and_on_duty_moderators_are_alerted()
    {
        await using var app = await PeerLinkSilo.StartAsync();
        var id = await app.StartConversationAsync();
        await OnDutyModeratorAsync(app, "mod");

        var ack = await app.Conversation(id).SendMessage("s", "I want to kill myself");

        Assert.Contains(app.Events.To<MessageReceived>("p"), m => m.Text == "I want to kill myself");
        foreach (var person in new[] { "s", "p" })
        {
            var offered = Assert.Single(app.Events.To<CrisisResourcesOffered>(person));
            Assert.Equal(id, offered.ConversationId);
            Assert.NotEmpty(offered.Resources);
        }

        var alert = (await app.Events.WaitFor<CrisisAlertRaised>("mod")).Alert;
        Assert.Equal((id, ack.Seq, "s", Grains.Safety.RiskLevel.High), (alert.ConversationId, alert.Seq, alert.SenderId, alert.Level));
        Assert.Single((await app.Silo.GetGrain<IModerationGrain>(ModerationGrain.Key).GetDashboard()).OpenAlerts);
    }

    [Theory]
    [InlineData("I feel hopeless")]
    [InlineData("this deadline is killing me")]
    public async Task A_message_below_high_risk_raises_no_alert_and_shows_no_crisis_lines(string text)
    {
        await using var app = await PeerLinkSilo.StartAsync();
        var id = await app.StartConversationAsync();
        await OnDutyModeratorAsync(app, "mod");

        await app.Conversation(id).SendMessage("s", text);

        Assert.Empty(app.Events.All.OfType<CrisisResourcesOffered>());
        Assert.Empty(app.Events.All.OfType<CrisisAlertRaised>());
    }

    [Fact]
    public async Task Phone_numbers_and_email_addresses_are_masked_before_the_message_is_stored_or_sent()
    {
        await using var app = await PeerLinkSilo.StartAsync();
        var id = await app.StartConversationAsync();

        await app.Conversation(id).SendMessage("s", "call me on 07700 900123 or write to river@example.com");

        var stored = Assert.Single((await app.Conversation(id).GetMessages("p", 0, 10)).Messages).Text;
        Assert.DoesNotContain("07700", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("river@example.com", stored, StringComparison.Ordinal);
        Assert.Equal(stored, Assert.Single(app.Events.To<MessageReceived>("p")).Text);
    }

    [Fact]
    public async Task A_called_moderator_joins_both_are_told_and_the_moderator_reads_and_writes()
    {
        await using var app = await PeerLinkSilo.StartAsync();
        var id = await app.StartConversationAsync();
        await OnDutyModeratorAsync(app, "mod");
        await app.Conversation(id).SendMessage("s", "something feels off");

        var callId = await app.Conversation(id).CallModerator("p", "seeker is being abusive");
        var called = await app.Events.WaitFor<ModeratorCalled>("mod");
        await app.Conversation(id).JoinAsModerator("mod");
        await app.Conversation(id).SendMessage("mod", "Hi both, I'm a moderator. Let's keep this respectful.");

        Assert.Equal((callId, id), (called.Call.CallId, called.Call.ConversationId));
        foreach (var person in new[] { "s", "p" })
        {
            Assert.Contains(app.Events.To<ModeratorJoined>(person), e => e.ModeratorId == "mod");
            Assert.Contains(app.Events.To<MessageReceived>(person), m => m.SenderId == "mod");
        }

        Assert.Equal(2, (await app.Conversation(id).GetMessages("mod", 0, 10)).Messages.Count);
    }

    [Fact]
    public async Task A_moderator_cannot_join_a_conversation_nobody_called_them_to_and_a_non_moderator_never_can()
    {
        await using var app = await PeerLinkSilo.StartAsync();
        var id = await app.StartConversationAsync();
        await OnDutyModeratorAsync(app, "mod");
        await app.AddSeekerAsync("nosy");

        var uncalled = await Assert.ThrowsAsync<RuleViolationException>(() => app.Conversation(id).JoinAsModerator("mod"));
        await app.Conversation(id).CallModerator("p", null);
        var notModerator = await Assert.ThrowsAsync<RuleViolationException>(() => app.Conversation(id).JoinAsModerator("nosy"));

        Assert.Equal(("no-open-call", "not-a-moderator"), (uncalled.Code, notModerator.Code));
        Assert.Equal("not-a-participant", (await Assert.ThrowsAsync<RuleViolationException>(() => app.Conversation(id).GetMessages("nosy", 0, 10))).Code);
    }

    [Fact]
    public async Task Blocking_ends_the_shared_conversation_and_the_two_are_never_matched_again()
    {
        await using var app = await PeerLinkSilo.StartAsync();
        var id = await app.StartConversationAsync();

        await app.Person("s").Block("p");
        await app.RequestAsync("s", "new-parent");
        await app.AdvanceAsync(TimeSpan.FromMinutes(3), "p");

        Assert.Equal(Conversations.ConversationStatus.Ended, (await app.Conversation(id).GetInfo()).Status);
        Assert.Equal("conversation-ended", (await Assert.ThrowsAsync<RuleViolationException>(() => app.Conversation(id).SendMessage("p", "hello?"))).Code);
        Assert.Single(app.Events.To<OfferMade>("p"));
    }

    [Fact]
    public async Task Reports_reach_on_duty_moderators_more_than_five_a_minute_are_refused_and_the_reporter_hears_the_outcome()
    {
        await using var app = await PeerLinkSilo.StartAsync();
        var id = await app.StartConversationAsync();
        await OnDutyModeratorAsync(app, "mod");
        var desk = app.Silo.GetGrain<IModerationGrain>(ModerationGrain.Key);
        var target = new ReportTarget("p", id, null, null);

        var reports = new List<Report>();
        for (var i = 0; i < 5; i++)
        {
            reports.Add(await desk.FileReport("s", target, ReportCategory.Harassment, $"report {i}"));
        }

        var sixth = await Assert.ThrowsAsync<RuleViolationException>(() => desk.FileReport("s", target, ReportCategory.Harassment, null));
        await desk.CloseReport("mod", reports[0].ReportId, "We spoke with the peer and issued a warning.");
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await desk.FileReport("s", target, ReportCategory.Spam, null);

        Assert.Equal("report-rate-limited", sixth.Code);
        Assert.Equal(6, app.Events.To<ReportFiled>("mod").Count);
        Assert.Equal("We spoke with the peer and issued a warning.", Assert.Single(app.Events.To<ReportClosed>("s")).Outcome);
        Assert.Equal(5, (await desk.GetDashboard()).OpenReports.Count);
        var audit = await app.Silo.GetGrain<IAuditLogGrain>(AuditLogGrain.Key).Read(0, 10);
        Assert.Contains(audit.Entries, e => e.Value is { Action: "close-report", ModeratorId: "mod" });
    }

    internal static async Task OnDutyModeratorAsync(PeerLinkSilo app, string id)
    {
        await app.Person(id).Register($"Moderator {id}", Role.Moderator);
        await app.Silo.GetGrain<IModerationGrain>(ModerationGrain.Key).SetOnDuty(id, onDuty: true);
    }
}
