using PeerLink.Grains.Identities;
using PeerLink.Grains.Matching;

namespace PeerLink.Grains.Tests;

/// <summary>The indexed decisions must choose exactly what scoring every candidate would choose.</summary>
public sealed class MatchQueueTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Indexed_decisions_match_a_full_scan_on_random_queues(int seed)
    {
        var queue = RandomMatchQueue.Build(new Random(seed), Now, peers: 120, requests: 400).Queue;

        foreach (var request in queue.Queue)
        {
            Assert.Equal(FullScan.BestPeerFor(queue, request, Now)?.PeerId, queue.BestPeerFor(request, Now)?.PeerId);
        }

        foreach (var peer in queue.Peers)
        {
            Assert.Equal(FullScan.BestRequestFor(queue, peer, Now)?.RequestId, queue.BestRequestFor(peer, Now)?.RequestId);
        }
    }

    [Fact]
    public void A_free_peer_is_offered_exactly_the_request_a_full_scan_would_choose()
    {
        var random = new Random(20261122);
        var decided = 0;
        for (var round = 0; round < 300; round++)
        {
            int peers = random.Next(1, 40), requests = random.Next(0, 300);
            var pool = RandomMatchQueue.Build(random, Now, peers, requests);
            var queue = pool.Queue;
            decided += AssertEveryPeerSideDecision(queue, pool.Now, round);

            // Time passes: searches widen, cool-downs end and rests grow.
            pool.Now += TimeSpan.FromSeconds(random.Next(1, 90));
            foreach (var request in queue.Queue.ToList())
            {
                queue.Advance(request, pool.Now);
            }

            decided += AssertEveryPeerSideDecision(queue, pool.Now, round);

            // Requests leave and arrive, peers change identities and load, relations change.
            foreach (var request in queue.Queue.Where(_ => random.Next(5) == 0).ToList())
            {
                queue.Remove(request);
            }

            for (var r = 0; r < requests / 4; r++)
            {
                pool.Enqueue($"late{r}", peers, requests);
            }

            foreach (var peer in queue.Peers.Where(_ => random.Next(3) == 0).ToList())
            {
                queue.UpsertPeer(pool.Peer(peer.PeerId, peers, requests));
            }

            queue.Catalog = pool.Catalog();
            decided += AssertEveryPeerSideDecision(queue, pool.Now, round);

            // Free peers take offers one after another, as the matchmaker does; then some offers are passed on.
            foreach (var peer in queue.Peers.OrderBy(_ => random.Next()).ToList())
            {
                while (AssertPeerSideDecision(queue, peer, pool.Now, round) is { } request)
                {
                    queue.MakeOffer(request, peer, $"o-{round}-{request.RequestId}", pool.Now);
                    decided++;
                }
            }

            foreach (var offer in queue.Offers.Where(_ => random.Next(2) == 0).ToList())
            {
                queue.CloseOffer(queue.FindRequest(offer.RequestId)!, passed: random.Next(2) == 0);
            }

            decided += AssertEveryPeerSideDecision(queue, pool.Now, round);
        }

        Assert.True(decided > 10_000, $"only {decided} decisions chose a request; too few to have tested much");
    }

    [Fact]
    public void Replacing_the_catalog_rederives_related_identities_for_waiting_requests()
    {
        var catalog = new IdentityCatalog([Identity("a", []), Identity("b", []), Identity("c", [])]);
        var queue = new MatchQueue(catalog, new MatchingOptions());
        var request = queue.Enqueue("r", Seeker("s"), new MatchRequest(["a"], "en"), Now.AddSeconds(-40));
        queue.Advance(request, Now);
        queue.UpsertPeer(Peer("p", ["b"]));
        Assert.Null(queue.BestPeerFor(request, Now));

        queue.Catalog = new IdentityCatalog([Identity("a", ["b"]), Identity("b", []), Identity("c", [])]);

        Assert.Equal("p", queue.BestPeerFor(request, Now)?.PeerId);
    }

    /// <summary>Checks every peer's decision against the full scan; returns how many chose a request.</summary>
    private static int AssertEveryPeerSideDecision(MatchQueue queue, DateTimeOffset now, int round) =>
        queue.Peers.Count(peer => AssertPeerSideDecision(queue, peer, now, round) is not null);

    private static WaitingRequest? AssertPeerSideDecision(MatchQueue queue, PeerEntry peer, DateTimeOffset now, int round)
    {
        var expected = FullScan.BestRequestFor(queue, peer, now);
        var chosen = queue.BestRequestFor(peer, now);
        Assert.True(ReferenceEquals(expected, chosen), $"round {round}, peer {peer.PeerId}: the full scan chose {expected?.RequestId ?? "nothing"}, the index {chosen?.RequestId ?? "nothing"}");
        return chosen;
    }

    private static Identity Identity(string id, string[] related) => new(id, id, $"{id}s", "", related);

    private static SeekerSnapshot Seeker(string id) => new(id, id, new HashSet<string>(), new HashSet<string>());

    private static PeerSnapshot Peer(string id, string[] identities) =>
        new(id, id, identities, ["en"], Trained: true, Available: true, Capacity: 2, ActiveConversations: 0,
            CoolDownUntil: null, LastConversationEndedAt: null, Blocked: new HashSet<string>());
}
