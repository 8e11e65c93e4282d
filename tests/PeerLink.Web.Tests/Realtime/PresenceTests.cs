using Microsoft.Extensions.Logging.Abstractions;
using PeerLink.Web.Realtime;

namespace PeerLink.Web.Tests.Realtime;

public sealed class PresenceTests
{
    // Connections and the beat schedule never touch the grain factory; only the running loop does.
    private static Presence NewPresence() => new(grains: null!, TimeProvider.System, NullLogger<Presence>.Instance);

    [Fact]
    public void Each_connected_peer_is_due_exactly_once_in_every_beat()
    {
        var presence = NewPresence();
        var peers = Enumerable.Range(0, 200).Select(i => $"peer-{i}").ToList();
        peers.ForEach(p => presence.Connected(p, needsHeartbeats: true));

        foreach (var firstTick in new long[] { 0, Presence.Slots, 7 })
        {
            var due = Enumerable.Range(0, Presence.Slots).SelectMany(i => presence.DueOn(firstTick + i)).ToList();
            Assert.Equal(peers.Order(), due.Order());
        }
    }

    [Fact]
    public void The_beats_are_spread_over_the_ticks_rather_than_sent_at_once()
    {
        var presence = NewPresence();
        for (var i = 0; i < 1_000; i++)
        {
            presence.Connected($"peer-{i}", needsHeartbeats: true);
        }

        // 100 a tick on average; no tick carries more than twice that.
        var perTick = Enumerable.Range(0, Presence.Slots).Select(t => presence.DueOn(t).Count()).ToList();
        Assert.All(perTick, n => Assert.InRange(n, 1, 200));
    }

    [Fact]
    public void People_who_are_not_peers_are_online_but_get_no_heartbeats()
    {
        var presence = NewPresence();
        presence.Connected("seeker", needsHeartbeats: false);

        Assert.True(presence.IsOnline("seeker"));
        Assert.Empty(Enumerable.Range(0, Presence.Slots).SelectMany(t => presence.DueOn(t)));
    }

    [Fact]
    public void A_peer_stays_due_until_their_last_connection_closes()
    {
        var presence = NewPresence();
        Assert.True(presence.Connected("peer", needsHeartbeats: true));
        Assert.False(presence.Connected("peer", needsHeartbeats: true));

        Assert.False(presence.Disconnected("peer"));
        Assert.Single(Enumerable.Range(0, Presence.Slots).SelectMany(t => presence.DueOn(t)));

        Assert.True(presence.Disconnected("peer"));
        Assert.False(presence.IsOnline("peer"));
        Assert.Empty(Enumerable.Range(0, Presence.Slots).SelectMany(t => presence.DueOn(t)));
    }
}
