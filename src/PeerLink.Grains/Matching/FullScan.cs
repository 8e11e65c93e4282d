namespace PeerLink.Grains.Matching;

/// <summary>
/// The two decisions made the obvious way: score every candidate in one pass. Never used to match; it is the
/// reference the indexed decisions of <see cref="MatchQueue"/> are tested against, and the baseline their
/// benchmark is measured against.
/// </summary>
internal static class FullScan
{
    public static PeerEntry? BestPeerFor(MatchQueue queue, WaitingRequest request, DateTimeOffset now)
    {
        PeerEntry? best = null;
        var bestScore = 0;
        foreach (var peer in queue.Peers)
        {
            if (MatchScorer.Score(request, peer, now) is { } score
                && (best is null || score > bestScore || (score == bestScore && string.CompareOrdinal(peer.PeerId, best.PeerId) < 0)))
            {
                (best, bestScore) = (peer, score);
            }
        }

        return best;
    }

    public static WaitingRequest? BestRequestFor(MatchQueue queue, PeerEntry peer, DateTimeOffset now)
    {
        WaitingRequest? best = null;
        var bestScore = 0;

        // The queue runs longest-waiting first, so keeping the first of equal scores breaks ties by wait.
        foreach (var request in queue.Queue)
        {
            if (request.Offer is null && MatchScorer.Score(request, peer, now) is { } score && (best is null || score > bestScore))
            {
                (best, bestScore) = (request, score);
            }
        }

        return best;
    }
}
