using PeerLink.Grains.Identities;
using PeerLink.Grains.Matching;

namespace PeerLink.Grains.Tests;

/// <summary>
/// Random language pools for checking decisions against a full scan: ranked and related identities,
/// preferred and good past peers, blocks both ways, cool-downs, declines, open offers and every stage.
/// Equal scores are common on purpose, so the tie rules are checked too.
/// </summary>
internal sealed class RandomMatchQueue(Random random, DateTimeOffset now)
{
    public int IdentityCount { get; } = random.Next(3, 17);

    public MatchQueue Queue { get; private set; } = null!;

    /// <summary>The time new peers and requests are made at; moved on by a test to let waits grow.</summary>
    public DateTimeOffset Now { get; set; } = now;

    public static RandomMatchQueue Build(Random random, DateTimeOffset now, int peers, int requests)
    {
        var pool = new RandomMatchQueue(random, now);
        pool.Queue = new MatchQueue(pool.Catalog(), new MatchingOptions());
        for (var p = 0; p < peers; p++)
        {
            pool.Queue.UpsertPeer(pool.Peer($"p{p}", peers, requests));
        }

        for (var r = 0; r < requests; r++)
        {
            pool.Enqueue($"r{r}", peers, requests);
        }

        return pool;
    }

    /// <summary>A catalog over the same identities with fresh random relations.</summary>
    public IdentityCatalog Catalog() =>
        new(Enumerable.Range(0, IdentityCount).Select(i => Identity($"i{i}", [.. Enumerable.Range(0, random.Next(3)).Select(_ => $"i{random.Next(IdentityCount)}")])));

    public PeerSnapshot Peer(string id, int peers, int requests) =>
        new(id, id, Pick(0, 4), ["en"],
            Trained: random.Next(20) > 0,
            Available: random.Next(10) > 0,
            Capacity: random.Next(1, 5),
            ActiveConversations: random.Next(0, 3),
            CoolDownUntil: random.Next(8) == 0 ? Now.AddMinutes(random.Next(-5, 5)) : null,
            LastConversationEndedAt: random.Next(5) == 0 ? null : Now.AddMinutes(-random.Next(0, 90)),
            Blocked: Some(5, () => random.Next(3) == 0 ? $"p{random.Next(peers)}" : $"s{random.Next(requests)}"));

    public WaitingRequest Enqueue(string id, int peers, int requests)
    {
        // A few seekers are peers themselves, so the self-match filter is exercised.
        var seekerId = random.Next(20) == 0 ? $"p{random.Next(peers)}" : $"s{random.Next(requests)}";
        var seeker = new SeekerSnapshot(seekerId, seekerId, Some(6, () => $"p{random.Next(peers)}"), Some(4, () => $"p{random.Next(peers + 2)}"));
        var preferred = random.Next(8) == 0 ? $"p{random.Next(peers + 2)}" : null;
        var waited = TimeSpan.FromSeconds(random.Next(0, 150));
        var request = Queue.Enqueue(id, seeker, new MatchRequest(Pick(1, Math.Min(8, IdentityCount) + 1), "en", PreferredPeerId: preferred), Now - waited);
        Queue.Advance(request, Now);
        if (random.Next(6) == 0)
        {
            request.PassedBy.Add($"p{random.Next(peers)}");
        }

        if (random.Next(10) == 0 && Queue.BestPeerFor(request, Now) is { } offered)
        {
            Queue.MakeOffer(request, offered, $"o-{id}", Now);
        }

        return request;
    }

    private string[] Pick(int least, int below) =>
        [.. Enumerable.Range(0, IdentityCount).OrderBy(_ => random.Next()).Take(random.Next(least, below)).Select(i => $"i{i}")];

    /// <summary>Usually empty; one time in <paramref name="oneIn"/>, one to three ids.</summary>
    private HashSet<string> Some(int oneIn, Func<string> next) =>
        random.Next(oneIn) == 0 ? [.. Enumerable.Range(0, random.Next(1, 4)).Select(_ => next())] : [];

    private static Identity Identity(string id, string[] related) => new(id, id, $"{id}s", "", related);
}
