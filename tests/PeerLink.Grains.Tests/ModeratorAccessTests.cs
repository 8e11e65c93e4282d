using PeerLink.Grains.Events;
using PeerLink.Grains.Moderation;
using PeerLink.Grains.People;

namespace PeerLink.Grains.Tests;

/// <summary>
/// A moderator's part in a one-to-one conversation lasts as long as what let them in: it ends when the call or alert
/// is resolved, when they leave, or when they are no longer a moderator. Both participants see it, and the audit log
/// keeps the join and the leave.
/// </summary>
public sealed class ModeratorAccessTests
{
    [Fact]
    public async Task Resolving_the_call_that_let_a_moderator_in_takes_them_out_and_both_participants_see_it()
    {
        await using var app = await PeerLinkSilo.StartAsync();
        var (id, callId) = await CalledInAsync(app);

        await app.Silo.GetGrain<IModerationGrain>(ModerationGrain.Key).Resolve("mod", callId, "sorted out");
        var left = await app.Events.WaitFor<ModeratorLeft>("s");
        await app.Conversation(id).SendMessage("s", "after the call");

        Assert.Equal(("mod", "call-resolved"), (left.ModeratorId, left.Reason));
        Assert.Contains(app.Events.To<ModeratorLeft>("p"), e => e.ModeratorId == "mod");
        Assert.DoesNotContain(app.Events.To<MessageReceived>("mod"), m => m.Text == "after the call");
        Assert.Equal("not-a-participant", (await Assert.ThrowsAsync<RuleViolationException>(() => app.Conversation(id).GetMessages("mod", 0, 10))).Code);
        Assert.Equal("not-a-participant", (await Assert.ThrowsAsync<RuleViolationException>(() => app.Conversation(id).SendMessage("mod", "still here?"))).Code);
        Assert.Equal("no-open-call", (await Assert.ThrowsAsync<RuleViolationException>(() => app.Conversation(id).JoinAsModerator("mod"))).Code);
        await AssertAuditedAsync(app, id, ("join-conversation", null), ("leave-conversation", "call-resolved"));
    }

    [Fact]
    public async Task A_moderator_stays_while_a_crisis_alert_about_the_conversation_is_still_open()
    {
        await using var app = await PeerLinkSilo.StartAsync();
        var (id, call) = await CalledInAsync(app);
        await app.Conversation(id).SendMessage("s", "I want to kill myself");
        await app.Events.WaitFor<CrisisAlertRaised>("mod");

        await app.Silo.GetGrain<IModerationGrain>(ModerationGrain.Key).Resolve("mod", call, null);

        Assert.Equal(2, (await app.Conversation(id).GetMessages("mod", 0, 10)).Messages.Count);
        Assert.Empty(app.Events.To<ModeratorLeft>("s"));
    }

    [Fact]
    public async Task Calling_again_while_a_call_is_open_returns_that_call_and_tells_nobody_twice()
    {
        await using var app = await PeerLinkSilo.StartAsync();
        var (id, call) = await CalledInAsync(app);

        var again = await app.Conversation(id).CallModerator("s", "me too");

        Assert.Equal(call, again);
        Assert.Single(app.Events.To<ModeratorCalled>("mod"));
        Assert.Single((await app.Silo.GetGrain<IModerationGrain>(ModerationGrain.Key).GetDashboard()).OpenCalls);
    }

    [Fact]
    public async Task A_person_places_at_most_five_calls_an_hour_and_may_call_again_after_it()
    {
        await using var app = await PeerLinkSilo.StartAsync();
        var id = await app.StartConversationAsync();
        var desk = app.Silo.GetGrain<IModerationGrain>(ModerationGrain.Key);
        await SafetyInConversationTests.OnDutyModeratorAsync(app, "mod");
        for (var i = 0; i < ModerationGrain.CallsPerHour; i++)
        {
            await desk.Resolve("mod", await app.Conversation(id).CallModerator("p", $"call {i}"), null);
        }

        var refused = await Assert.ThrowsAsync<RuleViolationException>(() => app.Conversation(id).CallModerator("p", "once more"));
        var fromTheOtherSide = await app.Conversation(id).CallModerator("s", "my turn");
        await desk.Resolve("mod", fromTheOtherSide, null);
        app.Clock.Advance(TimeSpan.FromHours(1));
        var later = await app.Conversation(id).CallModerator("p", "an hour on");

        Assert.Equal("call-rate-limited", refused.Code);
        Assert.Equal(later, Assert.Single((await desk.GetDashboard()).OpenCalls).CallId);
    }

    [Fact]
    public async Task A_moderator_who_leaves_is_out_and_both_participants_see_it()
    {
        await using var app = await PeerLinkSilo.StartAsync();
        var (id, _) = await CalledInAsync(app);

        await app.Conversation(id).LeaveAsModerator("mod");

        Assert.Equal("left", (await app.Events.WaitFor<ModeratorLeft>("p")).Reason);
        Assert.Contains(app.Events.To<ModeratorLeft>("s"), e => e.Reason == "left");
        Assert.Equal("not-a-participant", (await Assert.ThrowsAsync<RuleViolationException>(() => app.Conversation(id).GetMessages("mod", 0, 10))).Code);
        await AssertAuditedAsync(app, id, ("join-conversation", null), ("leave-conversation", "left"));
    }

    [Fact]
    public async Task A_moderator_who_loses_the_role_is_taken_out_at_once_and_reads_nothing_more()
    {
        await using var app = await PeerLinkSilo.StartAsync();
        await app.AddAdminAsync();
        var (id, _) = await CalledInAsync(app);

        await app.Person("mod").SetRoles(Role.Seeker, "admin");
        var left = await app.Events.WaitFor<ModeratorLeft>("s");
        await app.Conversation(id).SendMessage("p", "said after the demotion");

        Assert.Equal("role-removed", left.Reason);
        Assert.DoesNotContain(app.Events.To<MessageReceived>("mod"), m => m.Text == "said after the demotion");
        Assert.Equal("not-a-participant", (await Assert.ThrowsAsync<RuleViolationException>(() => app.Conversation(id).GetMessages("mod", 0, 10))).Code);
        Assert.DoesNotContain("mod", (await app.Silo.GetGrain<IModerationGrain>(ModerationGrain.Key).GetDashboard()).OnDuty);
    }

    private static async Task<(string ConversationId, string CallId)> CalledInAsync(PeerLinkSilo app)
    {
        var id = await app.StartConversationAsync();
        await SafetyInConversationTests.OnDutyModeratorAsync(app, "mod");
        var callId = await app.Conversation(id).CallModerator("p", "help please");
        await app.Events.WaitFor<ModeratorCalled>("mod");
        await app.Conversation(id).JoinAsModerator("mod");
        await app.Conversation(id).SendMessage("mod", "Hello both, I'm here.");
        return (id, callId);
    }

    private static async Task AssertAuditedAsync(PeerLinkSilo app, string conversationId, params (string Action, string? Reason)[] expected)
    {
        var audit = await app.Silo.GetGrain<IAuditLogGrain>(AuditLogGrain.Key).Read(0, 100);
        var entries = audit.Entries.Where(e => e.Value.TargetId == conversationId && e.Value.ModeratorId == "mod").Select(e => (e.Value.Action, e.Value.Reason));
        Assert.Equal(expected, entries);
    }
}
