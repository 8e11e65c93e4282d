namespace PeerLink.Grains.Matching;

/// <summary>
/// The running best of one decision. Each candidate is scored once even when it is reached through several
/// indexes; ties go to the lower peer id, or to the request that has waited longest.
/// </summary>
internal struct Best<T>(long stamp)
    where T : class
{
    private static readonly bool ChoosingPeer = typeof(T) == typeof(PeerEntry);

    public T? Entry { get; private set; }

    /// <summary>The score of <see cref="Entry"/>; meaningless while it is null.</summary>
    public int Score { get; private set; } = int.MinValue;

    public void ConsiderAll(WaitingRequest request, HashSet<PeerEntry>? peers, DateTimeOffset now)
    {
        if (peers is not null)
        {
            foreach (var peer in peers)
            {
                Consider(request, peer, now);
            }
        }
    }

    public void ConsiderAll(HashSet<WaitingRequest>? requests, PeerEntry peer, DateTimeOffset now)
    {
        if (requests is not null)
        {
            foreach (var request in requests)
            {
                Consider(request, peer, now);
            }
        }
    }

    public void Consider(WaitingRequest request, PeerEntry peer, DateTimeOffset now)
    {
        if (ChoosingPeer)
        {
            if (peer.Visit == stamp)
            {
                return;
            }

            peer.Visit = stamp;
        }
        else
        {
            if (request.Visit == stamp || request.Offer is not null)
            {
                return;
            }

            request.Visit = stamp;
        }

        if (MatchScorer.Score(request, peer, now) is not { } candidate || candidate < Score)
        {
            return;
        }

        var better = candidate > Score || Entry is null || (ChoosingPeer
            ? string.CompareOrdinal(peer.PeerId, ((PeerEntry)(object)Entry).PeerId) < 0
            : request.Sequence < ((WaitingRequest)(object)Entry).Sequence);
        if (better)
        {
            Score = candidate;
            Entry = ChoosingPeer ? (T)(object)peer : (T)(object)request;
        }
    }
}
