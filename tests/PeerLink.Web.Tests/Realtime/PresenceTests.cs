using Microsoft.Extensions.Logging.Abstractions;
using PeerLink.Web.Realtime;

namespace PeerLink.Web.Tests.Realtime;

public sealed class PresenceTests
{
    // Connections and the beat schedule never touch the grain factory; only the running loop does.
    private static Presence NewPresence() => new(grains: null!, TimeProvider.System, NullLogger<Presence>.Instance);

    [Fact]
    public void Each_connected_person_is_due_exactly_once_in_every_beat()
    {
        var presence = NewPresence();
        var people = Enumerable.Range(0, 200).Select(i => $"person-{i}").ToList();
        people.ForEach(p => presence.Connected(p));

        foreach (var firstTick in new long[] { 0, Presence.Slots, 7 })
        {
            var due = Enumerable.Range(0, Presence.Slots).SelectMany(i => presence.DueOn(firstTick + i)).ToList();
            Assert.Equal(people.Order(), due.Order());
        }
    }

    [Fact]
    public void The_beats_are_spread_over_the_ticks_rather_than_sent_at_once()
    {
        var presence = NewPresence();
        for (var i = 0; i < 1_000; i++)
        {
            presence.Connected($"person-{i}");
        }

        // 100 a tick on average; no tick carries more than twice that.
        var perTick = Enumerable.Range(0, Presence.Slots).Select(t => presence.DueOn(t).Count()).ToList();
        Assert.All(perTick, n => Assert.InRange(n, 1, 200));
    }

    [Fact]
    public void A_person_stays_due_until_their_last_connection_to_the_node_closes()
    {
        var presence = NewPresence();
        Assert.True(presence.Connected("person"));
        Assert.False(presence.Connected("person"));

        Assert.False(presence.Disconnected("person"));
        Assert.Single(Enumerable.Range(0, Presence.Slots).SelectMany(t => presence.DueOn(t)));

        Assert.True(presence.Disconnected("person"));
        Assert.Empty(Enumerable.Range(0, Presence.Slots).SelectMany(t => presence.DueOn(t)));
    }

    [Fact]
    public void Each_node_has_its_own_id()
    {
        Assert.NotEqual(NewPresence().NodeId, NewPresence().NodeId);
    }
}
