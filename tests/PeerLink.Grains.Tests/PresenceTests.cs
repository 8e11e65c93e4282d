using Orleans.Core.Internal;
using PeerLink.Grains.Events;
using PeerLink.Grains.Groups;
using PeerLink.Grains.Matching;

namespace PeerLink.Grains.Tests;

/// <summary>Presence across the web nodes of a cluster, as a person's grain keeps it.</summary>
public sealed class PresenceTests
{
    [Fact]
    public async Task A_person_connected_to_two_nodes_is_online_once_and_stays_online_when_one_node_lets_go()
    {
        await using var app = await PeerLinkSilo.StartAsync();
        await RoomOfTwoAsync(app);

        Assert.True(await app.Person("b").Connect("node-1", cap: 10));
        Assert.True(await app.Person("b").Connect("node-2", cap: 10));
        await app.Person("b").Disconnected("node-1");

        Assert.True(await app.Person("b").IsOnline());
        await Eventually.TrueAsync(() => app.Events.To<GroupMemberPresence>("a").Count == 1, "the room heard b come online");
        Assert.Equal([("b", true)], app.Events.To<GroupMemberPresence>("a").Select(p => (p.PersonId, p.Online)));

        await app.Person("b").Disconnected("node-2");

        Assert.False(await app.Person("b").IsOnline());
        var told = await app.Events.WaitFor<GroupMemberPresence>("a", p => !p.Online);
        Assert.Equal("b", told.PersonId);
        Assert.Equal(2, app.Events.To<GroupMemberPresence>("a").Count);
    }

    [Fact]
    public async Task A_node_that_stops_beating_without_a_word_stops_counting_after_the_presence_timeout()
    {
        await using var app = await PeerLinkSilo.StartAsync();
        await RoomOfTwoAsync(app);
        var timeout = TimeSpan.FromSeconds(30);
        Assert.Equal(timeout, new MatchingOptions().PresenceTimeout);

        // node-1 dies holding b's connection; node-2 keeps beating for a's.
        Assert.True(await app.Person("b").Connect("node-1", cap: 10));
        Assert.True(await app.Person("a").Connect("node-2", cap: 10));
        await app.AdvanceAsync(timeout / 2);
        await app.Person("a").Connected("node-2", 1);
        Assert.True(await app.Person("b").IsOnline());

        await app.AdvanceUntilAsync(async () => !await app.Person("b").IsOnline(), timeout, "b's presence lapsed");
        Assert.True(await app.Person("a").IsOnline());
        await app.Events.WaitFor<GroupMemberPresence>("a", p => p is { PersonId: "b", Online: false });
    }

    [Fact]
    public async Task A_node_id_that_is_not_a_key_is_refused()
    {
        await using var app = await PeerLinkSilo.StartAsync();
        await app.AddSeekerAsync("a");

        await Assert.ThrowsAsync<ArgumentException>(() => app.Person("a").Connect("", cap: 10));
        await Assert.ThrowsAsync<ArgumentException>(() => app.Person("a").Connected("", 1));
        Assert.False(await app.Person("a").IsOnline());
    }

    [Fact]
    public async Task The_cap_on_a_persons_connections_counts_them_on_every_node_and_frees_what_a_dead_node_held()
    {
        await using var app = await PeerLinkSilo.StartAsync();
        await app.AddSeekerAsync("a");
        var timeout = new MatchingOptions().PresenceTimeout;

        Assert.True(await app.Person("a").Connect("node-1", cap: 3));
        Assert.True(await app.Person("a").Connect("node-2", cap: 3));
        Assert.True(await app.Person("a").Connect("node-2", cap: 3));
        Assert.False(await app.Person("a").Connect("node-1", cap: 3));

        // One closes on node-2: one more may open, on either node.
        await app.Person("a").Disconnected("node-2");
        Assert.True(await app.Person("a").Connect("node-1", cap: 3));
        Assert.False(await app.Person("a").Connect("node-2", cap: 3));

        // node-1 dies holding two; node-2 beats for its one. Once node-1's word lapses, two more may open.
        await app.AdvanceAsync(timeout / 2);
        await app.Person("a").Connected("node-2", 1);
        await app.AdvanceAsync(timeout / 2 + TimeSpan.FromSeconds(1));
        Assert.True(await app.Person("a").Connect("node-3", cap: 3));
        Assert.True(await app.Person("a").Connect("node-3", cap: 3));
        Assert.False(await app.Person("a").Connect("node-3", cap: 3));
    }

    [Fact]
    public async Task The_cap_on_an_addresss_connections_counts_them_on_every_node_and_frees_what_a_dead_node_held()
    {
        await using var app = await PeerLinkSilo.StartAsync();
        var address = app.Silo.GetGrain<PeerLink.Grains.Limits.IAddressConnectionsGrain>("192.0.2.7");
        var timeout = new MatchingOptions().PresenceTimeout;

        Assert.True(await address.TryOpen("node-1", cap: 2));
        Assert.True(await address.TryOpen("node-2", cap: 2));
        Assert.False(await address.TryOpen("node-2", cap: 2));
        Assert.True(await app.Silo.GetGrain<PeerLink.Grains.Limits.IAddressConnectionsGrain>("192.0.2.8").TryOpen("node-1", cap: 2));

        await address.Close("node-2");
        Assert.True(await address.TryOpen("node-1", cap: 2));
        Assert.False(await address.TryOpen("node-2", cap: 2));

        // node-1 dies holding both: they lapse, unless it beats.
        await app.AdvanceAsync(timeout + TimeSpan.FromSeconds(1));
        Assert.True(await address.TryOpen("node-2", cap: 2));
        await address.Hold("node-2", 2);
        Assert.False(await address.TryOpen("node-3", cap: 2));
    }

    [Fact]
    public async Task A_room_shows_who_is_online_as_members_come_and_go_and_asks_again_after_it_was_collected()
    {
        await using var app = await PeerLinkSilo.StartAsync();
        await app.AddSeekerAsync("c");
        Assert.True(await app.Person("c").Connect("node-1", cap: 10));
        await RoomOfTwoAsync(app);
        var room = app.Silo.GetGrain<ISupportGroupGrain>("room");
        Assert.Empty((await room.GetInfo()).Online!);

        // Told as members come and go, and a joiner who is online already is asked.
        Assert.True(await app.Person("b").Connect("node-1", cap: 10));
        await Eventually.TrueAsync(async () => (await room.GetInfo()).Online!.SequenceEqual(["b"]), "the room heard b come online");
        await room.Join("c");
        Assert.Equal(["b", "c"], (await room.GetInfo()).Online!.Order());
        await room.Leave("c");
        Assert.Equal(["b"], (await room.GetInfo()).Online!);

        // A new activation knows nothing of its own: it asks each member's grain, once. (Its count of recent
        // messages starts afresh, which tells the new activation from the old.)
        await room.SendMessage("b", "hello");
        Assert.Equal(1, (await room.GetInfo()).MessagesLastFiveMinutes);
        await room.Cast<IGrainManagementExtension>().DeactivateOnIdle();
        await Eventually.TrueAsync(async () => (await room.GetInfo()).MessagesLastFiveMinutes == 0, "the room was activated afresh");
        Assert.Equal(["b"], (await room.GetInfo()).Online!);
        await app.Person("b").Disconnected("node-1");
        await Eventually.TrueAsync(async () => (await room.GetInfo()).Online!.Count == 0, "the room heard b go offline");
    }

    private static async Task RoomOfTwoAsync(PeerLinkSilo app)
    {
        var room = app.Silo.GetGrain<ISupportGroupGrain>("room");
        await room.Create(new GroupSettings("Open room", null, [], Capacity: 5));
        foreach (var member in new[] { "a", "b" })
        {
            await app.AddSeekerAsync(member);
            await room.Join(member);
        }
    }
}
