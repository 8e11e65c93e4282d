using PeerLink.Grains.Events;
using PeerLink.Grains.Groups;
using PeerLink.Grains.People;

namespace PeerLink.Grains.Tests;

public sealed class GroupRoomTests
{
    private static readonly GroupSettings Parents = new("New parents", "Evenings are hard", ["new-parent"], Capacity: 3);

    [Fact]
    public async Task Three_members_join_post_and_each_hears_every_message_in_order()
    {
        await using var app = await PeerLinkSilo.StartAsync();
        var room = await CreateRoomAsync(app);
        string[] members = ["a", "b", "c"];
        foreach (var member in members)
        {
            await app.AddSeekerAsync(member);
            await room.Join(member);
        }

        await room.SendMessage("a", "hello all");
        await room.SendMessage("b", "hi a");
        await room.SendMessage("c", "evening");

        foreach (var member in members)
        {
            var heard = app.Events.To<GroupMessageReceived>(member);
            Assert.Equal([(1L, "Seeker a", "hello all"), (2L, "Seeker b", "hi a"), (3L, "Seeker c", "evening")], heard.Select(m => (m.Seq, m.Pseudonym, m.Text)));
        }

        var info = await room.GetInfo();
        Assert.Equal(members, info.Members.Select(m => m.PersonId));
        Assert.Equal(3, info.LastSeq);
    }

    [Fact]
    public async Task Members_are_told_who_joins_and_who_leaves()
    {
        await using var app = await PeerLinkSilo.StartAsync();
        var room = await CreateRoomAsync(app);
        await app.AddSeekerAsync("a");
        await app.AddSeekerAsync("b");
        await room.Join("a");

        await room.Join("b");
        await room.Leave("b");

        var told = app.Events.To<GroupMemberChanged>("a");
        Assert.Equal([("a", true), ("b", true), ("b", false)], told.Select(e => (e.PersonId, e.Joined)));
        Assert.Contains(app.Events.To<GroupMemberChanged>("b"), e => e is { PersonId: "b", Joined: false });
        Assert.Equal(["a"], (await room.GetInfo()).Members.Select(m => m.PersonId));
    }

    [Fact]
    public async Task Joining_a_room_over_and_over_is_refused_after_five_times_in_ten_minutes_but_leaving_never_is()
    {
        await using var app = await PeerLinkSilo.StartAsync();
        var room = await CreateRoomAsync(app);
        await app.AddSeekerAsync("a");
        await app.AddSeekerAsync("b");
        await room.Join("b");
        var heardAtFirst = app.Events.To<GroupMemberChanged>("b").Count;
        for (var i = 0; i < SupportGroupGrain.JoinsPerTenMinutes; i++)
        {
            await room.Join("a");
            await room.Join("a"); // already a member: no news, and no count
            await room.Leave("a");
        }

        var refused = await Assert.ThrowsAsync<RuleViolationException>(() => room.Join("a"));
        var heard = app.Events.To<GroupMemberChanged>("b").Count - heardAtFirst;
        app.Clock.Advance(TimeSpan.FromMinutes(10));
        await room.Join("a");

        Assert.Equal("room-rate-limited", refused.Code);
        Assert.Equal(2 * SupportGroupGrain.JoinsPerTenMinutes, heard);
        Assert.Contains((await room.GetInfo()).Members, m => m.PersonId == "a");
    }

    [Fact]
    public async Task A_full_room_refuses_another_member_but_lets_a_moderator_in()
    {
        await using var app = await PeerLinkSilo.StartAsync();
        var room = await CreateRoomAsync(app);
        foreach (var member in new[] { "a", "b", "c", "d" })
        {
            await app.AddSeekerAsync(member);
        }

        await app.Person("mod").Register("Moderator Mo", Role.Moderator);
        foreach (var member in new[] { "a", "b", "c" })
        {
            await room.Join(member);
        }

        var full = await Assert.ThrowsAsync<RuleViolationException>(() => room.Join("d"));
        var moderator = await room.Join("mod");

        Assert.Equal("group-full", full.Code);
        Assert.True(moderator.Members.Single(m => m.PersonId == "mod").Moderator);
        Assert.DoesNotContain(moderator.Members, m => m.PersonId == "d");
    }

    [Fact]
    public async Task History_is_for_members_and_pages_after_a_number()
    {
        await using var app = await PeerLinkSilo.StartAsync();
        var room = await CreateRoomAsync(app);
        await app.AddSeekerAsync("a");
        await app.AddSeekerAsync("outsider");
        await room.Join("a");
        for (var i = 1; i <= 4; i++)
        {
            await room.SendMessage("a", $"m{i}");
        }

        var page = await room.GetMessages("a", after: 1, limit: 2);
        var outsider = await Assert.ThrowsAsync<RuleViolationException>(() => room.GetMessages("outsider", 0, 10));
        var post = await Assert.ThrowsAsync<RuleViolationException>(() => room.SendMessage("outsider", "hi"));

        Assert.Equal(["m2", "m3"], page.Messages.Select(m => m.Text));
        Assert.True(page.HasMore);
        Assert.Equal(("not-a-member", "not-a-member"), (outsider.Code, post.Code));
        Assert.Equal(4, (await room.GetInfo()).LastSeq);
    }

    [Fact]
    public async Task Rooms_are_listed_in_the_directory_once_created()
    {
        await using var app = await PeerLinkSilo.StartAsync();

        await CreateRoomAsync(app, "parents");
        await CreateRoomAsync(app, "carers");

        Assert.Equal(["parents", "carers"], await app.Silo.GetGrain<IGroupDirectoryGrain>(GroupDirectoryGrain.Key).GetGroupIds());
    }

    [Theory]
    [InlineData("", 10, "group-title-invalid")]
    [InlineData("\u200B\u200B", 10, "group-title-invalid")]
    [InlineData("\u202EParents", 10, "group-title-invalid")]
    [InlineData("Room", 1, "group-capacity-invalid")]
    [InlineData("Room", 1000, "group-capacity-invalid")]
    public async Task A_room_with_bad_settings_is_refused_and_not_created(string title, int capacity, string code)
    {
        await using var app = await PeerLinkSilo.StartAsync();

        var refused = await Assert.ThrowsAsync<RuleViolationException>(() => app.Group("bad").Create(Parents with { Title = title, Capacity = capacity }));

        Assert.Equal(code, refused.Code);
        Assert.Equal("group-unknown", (await Assert.ThrowsAsync<RuleViolationException>(() => app.Group("bad").GetInfo())).Code);
    }

    [Fact]
    public async Task A_room_for_an_unknown_identity_is_refused()
    {
        await using var app = await PeerLinkSilo.StartAsync();

        var refused = await Assert.ThrowsAsync<RuleViolationException>(() => app.Group("bad").Create(Parents with { Identities = ["martians"] }));

        Assert.Equal("identity-unknown", refused.Code);
    }

    [Fact]
    public async Task Room_messages_and_members_survive_a_crash_with_Redis_storage()
    {
        await using var redis = await RedisServer.StartNewAsync(appendOnly: true);
        await using var app = await PeerLinkSilo.StartAsync(redis.ConnectionString);
        var room = await CreateRoomAsync(app);
        await app.AddSeekerAsync("a");
        await room.Join("a");
        await room.SendMessage("a", "still here?");

        await app.Silo.CrashAndRestartAsync();

        var info = await app.Group("parents").GetInfo();
        Assert.Equal(["a"], info.Members.Select(m => m.PersonId));
        Assert.Equal(["still here?"], (await app.Group("parents").GetMessages("a", 0, 10)).Messages.Select(m => m.Text));
    }

    private static async Task<ISupportGroupGrain> CreateRoomAsync(PeerLinkSilo app, string id = "parents")
    {
        var room = app.Group(id);
        await room.Create(Parents);
        return room;
    }
}
