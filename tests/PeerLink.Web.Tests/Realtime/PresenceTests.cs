using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using PeerLink.Grains.People;
using PeerLink.Web.Realtime;

namespace PeerLink.Web.Tests.Realtime;

public sealed class PresenceTests
{
    [Fact]
    public async Task Each_connected_person_is_due_exactly_once_in_every_beat()
    {
        await using var app = new LivePeerLink();
        var presence = app.Services.GetRequiredService<Presence>();
        var people = Enumerable.Range(0, 200).Select(i => $"person-{i}").ToList();
        foreach (var person in people)
        {
            await presence.ConnectAsync(person);
        }

        foreach (var firstTick in new long[] { 0, Presence.Slots, 7 })
        {
            var due = Enumerable.Range(0, Presence.Slots).SelectMany(i => presence.DueOn(firstTick + i)).ToList();
            Assert.Equal(people.Order(), due.Order());
        }
    }

    [Fact]
    public async Task The_beats_are_spread_over_the_ticks_rather_than_sent_at_once()
    {
        await using var app = new LivePeerLink();
        var presence = app.Services.GetRequiredService<Presence>();
        for (var i = 0; i < 1_000; i++)
        {
            await presence.ConnectAsync($"person-{i}");
        }

        // 100 a tick on average; no tick carries more than twice that.
        var perTick = Enumerable.Range(0, Presence.Slots).Select(t => presence.DueOn(t).Count()).ToList();
        Assert.All(perTick, n => Assert.InRange(n, 1, 200));
    }

    [Fact]
    public async Task A_person_stays_due_and_online_until_their_last_connection_to_the_node_closes()
    {
        await using var app = new LivePeerLink();
        var presence = app.Services.GetRequiredService<Presence>();
        await presence.ConnectAsync("person");
        await presence.ConnectAsync("person");

        Assert.False(await presence.DisconnectAsync("person"));
        Assert.Single(Enumerable.Range(0, Presence.Slots).SelectMany(t => presence.DueOn(t)));
        Assert.True(await app.Grains.GetGrain<IPersonGrain>("person").IsOnline());

        Assert.True(await presence.DisconnectAsync("person"));
        Assert.Empty(Enumerable.Range(0, Presence.Slots).SelectMany(t => presence.DueOn(t)));
        Assert.False(await app.Grains.GetGrain<IPersonGrain>("person").IsOnline());
    }

    [Fact]
    public async Task A_connection_past_the_persons_cap_is_refused_and_not_counted()
    {
        await using var app = new LivePeerLink(new Dictionary<string, string?> { ["PeerLink:Limits:ConnectionsPerPerson"] = "2" });
        var presence = app.Services.GetRequiredService<Presence>();
        await presence.ConnectAsync("person");
        await presence.ConnectAsync("person");

        var refused = await Assert.ThrowsAsync<HubException>(() => presence.ConnectAsync("person"));
        Assert.StartsWith("connections-too-many:", refused.Message, StringComparison.Ordinal);

        // The refusal took nothing: one closes, and one more may open.
        await presence.DisconnectAsync("person");
        await presence.ConnectAsync("person");
        await Assert.ThrowsAsync<HubException>(() => presence.ConnectAsync("person"));
    }

    [Fact]
    public async Task Each_node_has_its_own_id()
    {
        await using var one = new LivePeerLink();
        await using var other = new LivePeerLink();
        Assert.NotEqual(one.Services.GetRequiredService<Presence>().NodeId, other.Services.GetRequiredService<Presence>().NodeId);
    }
}
