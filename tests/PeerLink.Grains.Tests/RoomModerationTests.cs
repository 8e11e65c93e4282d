using PeerLink.Grains.Events;
using PeerLink.Grains.Groups;
using PeerLink.Grains.Moderation;

namespace PeerLink.Grains.Tests;

public sealed class RoomModerationTests
{
    private static readonly GroupSettings Room = new("Carers", null, ["carer"], 10);

    [Fact]
    public async Task A_deleted_message_leaves_the_history_members_are_told_and_its_words_stay_in_the_audit_log()
    {
        await using var app = await StartAsync();
        var seq = (await app.Group("r").SendMessage("a", "something cruel")).Seq;

        await app.Group("r").DeleteMessage("mod", seq, "personal attack");

        var shown = Assert.Single((await app.Group("r").GetMessages("b", 0, 10)).Messages);
        Assert.Equal(("message removed", "moderator"), (shown.Text, shown.Removed));
        Assert.Contains(app.Events.To<GroupUpdated>("b"), u => u is { Change: "message-deleted", Reason: "personal attack" } && u.Seq == seq);
        Assert.Contains(app.Events.To<ModerationNotice>("a"), n => n is { Action: "message-deleted", Reason: "personal attack" });
        var audit = (await app.Silo.GetGrain<IAuditLogGrain>(AuditLogGrain.Key).Read(0, 10)).Entries.Single(e => e.Value.Action == "delete-message");
        Assert.Equal(("mod", "something cruel", "personal attack"), (audit.Value.ModeratorId, audit.Value.Detail, audit.Value.Reason));
    }

    [Fact]
    public async Task A_muted_member_cannot_post_until_the_mute_ends_and_is_told_why()
    {
        await using var app = await StartAsync();

        await app.Group("r").Mute("mod", "a", TimeSpan.FromMinutes(10), "cool off");
        var muted = await Assert.ThrowsAsync<RuleViolationException>(() => app.Group("r").SendMessage("a", "but"));
        app.Clock.Advance(TimeSpan.FromMinutes(11));
        await app.Group("r").SendMessage("a", "sorry, all");

        Assert.Equal("muted", muted.Code);
        Assert.Contains(app.Events.To<ModerationNotice>("a"), n => n is { Action: "muted", Reason: "cool off" });
        Assert.Single((await app.Group("r").GetMessages("b", 0, 10)).Messages);
    }

    [Fact]
    public async Task A_warning_is_told_with_its_reason_and_lasts_24_hours()
    {
        await using var app = await StartAsync();

        await app.Group("r").Warn("mod", "a", "please keep it kind");

        var notice = Assert.Single(app.Events.To<ModerationNotice>("a"));
        Assert.Equal(("warned", "please keep it kind", app.Clock.GetUtcNow().AddHours(24)), (notice.Action, notice.Reason, notice.Until));
        Assert.Equal(notice.Until, (await app.Group("r").GetInfo()).Members.Single(m => m.PersonId == "a").WarnedUntil);
    }

    [Fact]
    public async Task A_removed_member_is_told_everyone_sees_them_leave_and_they_cannot_rejoin_for_a_day()
    {
        await using var app = await StartAsync();

        await app.Group("r").Remove("mod", "a", "repeated abuse");
        var rejoin = await Assert.ThrowsAsync<RuleViolationException>(() => app.Group("r").Join("a"));
        app.Clock.Advance(TimeSpan.FromHours(25));
        await app.Group("r").Join("a");

        Assert.Equal("removed-from-group", rejoin.Code);
        Assert.Contains(app.Events.To<ModerationNotice>("a"), n => n is { Action: "removed", Reason: "repeated abuse" });
        Assert.Contains(app.Events.To<GroupMemberChanged>("b"), c => c is { PersonId: "a", Joined: false });
    }

    [Fact]
    public async Task A_locked_room_takes_no_messages_from_members_but_moderators_still_post_and_a_pin_is_told_to_all()
    {
        await using var app = await StartAsync();
        await app.Group("r").Watch("mod", quietly: false);

        await app.Group("r").Lock("mod", locked: true, "taking a breather");
        var refused = await Assert.ThrowsAsync<RuleViolationException>(() => app.Group("r").SendMessage("a", "hello?"));
        var seq = (await app.Group("r").SendMessage("mod", "Room paused for ten minutes.")).Seq;
        await app.Group("r").Pin("mod", seq);

        Assert.Equal("group-locked", refused.Code);
        Assert.Equal((true, seq), ((await app.Group("r").GetInfo()).Locked, (await app.Group("r").GetInfo()).PinnedSeq));
        Assert.Contains(app.Events.To<GroupUpdated>("a"), u => u is { Change: "locked", Reason: "taking a breather" });
        Assert.Contains(app.Events.To<GroupUpdated>("b"), u => u.Change == "pinned" && u.Seq == seq);
    }

    [Fact]
    public async Task A_quiet_watcher_hears_the_room_and_reads_history_without_being_listed()
    {
        await using var app = await StartAsync();

        var info = await app.Group("r").Watch("mod", quietly: true);
        await app.Group("r").SendMessage("a", "hi");

        Assert.DoesNotContain(info.Members, m => m.PersonId == "mod");
        Assert.Single(app.Events.To<GroupMessageReceived>("mod"));
        Assert.Single((await app.Group("r").GetMessages("mod", 0, 10)).Messages);
        Assert.DoesNotContain(app.Events.All.OfType<GroupMemberChanged>(), c => c.PersonId == "mod");
    }

    [Fact]
    public async Task A_moderator_who_loses_the_role_stops_watching_and_leaves_the_rooms_they_were_in_as_a_moderator()
    {
        await using var app = await StartAsync();
        await app.AddAdminAsync();
        await app.Group("open").Create(Room);
        await app.Group("r").Watch("mod", quietly: true);
        await app.Group("open").Watch("mod", quietly: false);

        await app.Person("mod").SetRoles(People.Role.Seeker, "admin");
        await Eventually.TrueAsync(async () => !(await app.Group("open").GetInfo()).Members.Any(m => m.PersonId == "mod"), "the demoted moderator left the room");
        await Eventually.TrueAsync(async () =>
        {
            try
            {
                await app.Group("r").GetMessages("mod", 0, 10);
                return false;
            }
            catch (RuleViolationException e) when (e.Code == "not-a-member")
            {
                return true;
            }
        }, "the demoted moderator stopped watching quietly");
        await app.Group("r").SendMessage("a", "said after the demotion");

        Assert.DoesNotContain(app.Events.To<GroupMessageReceived>("mod"), m => m.Text == "said after the demotion");
        Assert.Contains(app.Events.To<GroupMemberChanged>("mod"), c => c is { GroupId: "open", PersonId: "mod", Joined: false });
        Assert.Equal("not-a-moderator", (await Assert.ThrowsAsync<RuleViolationException>(() => app.Group("r").Watch("mod", quietly: true))).Code);
    }

    [Fact]
    public async Task Moderation_by_someone_who_is_not_a_moderator_is_refused_and_changes_nothing()
    {
        await using var app = await StartAsync();
        var seq = (await app.Group("r").SendMessage("a", "hi")).Seq;

        var attempts = new Func<Task>[]
        {
            () => app.Group("r").DeleteMessage("b", seq, "mine now"),
            () => app.Group("r").Mute("b", "a", TimeSpan.FromHours(1), "quiet"),
            () => app.Group("r").Lock("b", true, "mine"),
            () => app.Group("r").Remove("b", "a", "bye"),
        };
        foreach (var attempt in attempts)
        {
            Assert.Equal("not-a-moderator", (await Assert.ThrowsAsync<RuleViolationException>(attempt)).Code);
        }

        var info = await app.Group("r").GetInfo();
        Assert.False(info.Locked);
        Assert.Contains(info.Members, m => m.PersonId == "a" && m.MutedUntil is null);
        Assert.Equal("hi", Assert.Single((await app.Group("r").GetMessages("a", 0, 10)).Messages).Text);
        Assert.Empty((await app.Silo.GetGrain<IAuditLogGrain>(AuditLogGrain.Key).Read(0, 10)).Entries);
    }

    [Fact]
    public async Task Moderation_of_an_unknown_target_is_refused_clearly()
    {
        await using var app = await StartAsync();

        Assert.Equal("not-a-member", (await Assert.ThrowsAsync<RuleViolationException>(() => app.Group("r").Warn("mod", "nobody", "x"))).Code);
        Assert.Equal("message-unknown", (await Assert.ThrowsAsync<RuleViolationException>(() => app.Group("r").DeleteMessage("mod", 99, "x"))).Code);
        Assert.Equal("group-unknown", (await Assert.ThrowsAsync<RuleViolationException>(() => app.Group("none").Lock("mod", true, "x"))).Code);
        Assert.Equal("reason-required", (await Assert.ThrowsAsync<RuleViolationException>(() => app.Group("r").Warn("mod", "a", " "))).Code);
    }

    [Fact]
    public async Task After_a_block_no_room_message_passes_between_the_two_either_way()
    {
        await using var app = await StartAsync();
        await app.AddSeekerAsync("c");
        await app.Group("r").Join("c");

        await app.Person("a").Block("b");
        await app.Group("r").SendMessage("a", "from a");
        await app.Group("r").SendMessage("b", "from b");

        Assert.DoesNotContain(app.Events.To<GroupMessageReceived>("b"), m => m.SenderId == "a");
        Assert.DoesNotContain(app.Events.To<GroupMessageReceived>("a"), m => m.SenderId == "b");
        Assert.Equal(["from a", "from b"], app.Events.To<GroupMessageReceived>("c").Select(m => m.Text));
    }

    [Fact]
    public async Task A_high_risk_room_message_shows_the_writer_crisis_lines_and_alerts_moderators_with_the_room()
    {
        await using var app = await StartAsync();
        await SafetyInConversationTests.OnDutyModeratorAsync(app, "mod");

        await app.Group("r").SendMessage("a", "i want to die");

        Assert.Equal("r", Assert.Single(app.Events.To<CrisisResourcesOffered>("a")).GroupId);
        Assert.Empty(app.Events.To<CrisisResourcesOffered>("b"));
        Assert.Equal("r", (await app.Events.WaitFor<CrisisAlertRaised>("mod")).Alert.GroupId);
    }

    private static async Task<PeerLinkSilo> StartAsync()
    {
        var app = await PeerLinkSilo.StartAsync();
        await app.Group("r").Create(Room);
        await app.Person("mod").Register("Moderator Mo", People.Role.Moderator);
        foreach (var member in new[] { "a", "b" })
        {
            await app.AddSeekerAsync(member);
            await app.Group("r").Join(member);
        }

        return app;
    }
}
