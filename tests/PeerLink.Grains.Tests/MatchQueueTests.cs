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
        var random = new Random(seed);
        var queue = RandomQueue(random, peers: 120, requests: 400);

        foreach (var request in queue.Queue)
        {
            var expected = queue.Peers.Select(p => (Peer: p, Score: MatchScorer.Score(request, p, Now)))
                .Where(c => c.Score is not null).OrderByDescending(c => c.Score).ThenBy(c => c.Peer.PeerId, StringComparer.Ordinal)
                .Select(c => c.Peer.PeerId).FirstOrDefault();
            Assert.Equal(expected, queue.BestPeerFor(request, Now)?.PeerId);
        }

        foreach (var peer in queue.Peers)
        {
            var expected = queue.Queue.Where(r => r.Offer is null).Select(r => (Request: r, Score: MatchScorer.Score(r, peer, Now)))
                .Where(c => c.Score is not null).OrderByDescending(c => c.Score).ThenBy(c => c.Request.Sequence)
                .Select(c => c.Request.RequestId).FirstOrDefault();
            Assert.Equal(expected, queue.BestRequestFor(peer, Now)?.RequestId);
        }
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

    private static MatchQueue RandomQueue(Random random, int peers, int requests)
    {
        var identities = Enumerable.Range(0, 12).Select(i => Identity($"i{i}", random.Next(3) == 0 ? [$"i{random.Next(12)}"] : [])).ToList();
        var queue = new MatchQueue(new IdentityCatalog(identities), new MatchingOptions());
        string[] Pick() => [.. Enumerable.Range(0, 12).OrderBy(_ => random.Next()).Take(random.Next(1, 4)).Select(i => $"i{i}")];
        for (var p = 0; p < peers; p++)
        {
            queue.UpsertPeer(Peer($"p{p}", Pick()) with
            {
                Capacity = random.Next(1, 4),
                ActiveConversations = random.Next(0, 3),
                Available = random.Next(10) > 0,
                CoolDownUntil = random.Next(10) == 0 ? Now.AddMinutes(5) : null,
                LastConversationEndedAt = Now.AddMinutes(-random.Next(0, 90)),
                Blocked = random.Next(20) == 0 ? new HashSet<string> { $"s{random.Next(requests)}" } : new HashSet<string>(),
            });
        }

        var stages = new[] { 0, 45, 120 };
        for (var r = 0; r < requests; r++)
        {
            var preferred = random.Next(15) == 0 ? $"p{random.Next(peers)}" : null;
            var request = queue.Enqueue($"r{r}", Seeker($"s{r}"), new MatchRequest(Pick(), "en", PreferredPeerId: preferred), Now.AddSeconds(-stages[random.Next(3)]));
            queue.Advance(request, Now);
            if (random.Next(10) == 0)
            {
                request.PassedBy.Add($"p{random.Next(peers)}");
            }

            if (random.Next(8) == 0 && queue.BestPeerFor(request, Now) is { } offered)
            {
                queue.MakeOffer(request, offered, $"o{r}", Now);
            }
        }

        return queue;
    }

    private static Identity Identity(string id, string[] related) => new(id, id, $"{id}s", "", related);

    private static SeekerSnapshot Seeker(string id) => new(id, id, new HashSet<string>(), new HashSet<string>());

    private static PeerSnapshot Peer(string id, string[] identities) =>
        new(id, id, identities, ["en"], Trained: true, Available: true, Capacity: 2, ActiveConversations: 0,
            CoolDownUntil: null, LastConversationEndedAt: null, Blocked: new HashSet<string>());
}
