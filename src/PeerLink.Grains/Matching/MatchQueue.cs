using PeerLink.Grains.Identities;

namespace PeerLink.Grains.Matching;

/// <summary>
/// One language pool's waiting requests and peers, and every matching decision over them. Plain data with
/// no I/O, so the policy is tested and benchmarked on its own; <see cref="MatchmakerGrain"/> owns one.
/// Peers and requests are indexed by identity, so a decision looks only at those that could match.
/// </summary>
public sealed class MatchQueue(IdentityCatalog catalog, MatchingOptions options)
{
    private static readonly Comparer<WaitingRequest> BySequence = Comparer<WaitingRequest>.Create((a, b) => a.Sequence.CompareTo(b.Sequence));

    private readonly Dictionary<string, PeerEntry> peers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<PeerEntry>> peersByIdentity = new(StringComparer.Ordinal);
    private readonly Dictionary<string, WaitingRequest> requests = new(StringComparer.Ordinal);
    private readonly SortedSet<WaitingRequest> queue = new(BySequence);
    private readonly Dictionary<string, SortedSet<WaitingRequest>> requestsByIdentity = new(StringComparer.Ordinal);
    private readonly SortedSet<WaitingRequest> anyPeerRequests = new(BySequence);
    private readonly Dictionary<string, SortedSet<WaitingRequest>> requestsByPreferredPeer = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PendingOffer> offers = new(StringComparer.Ordinal);
    private long nextSequence;

    public IdentityCatalog Catalog { get; set; } = catalog;

    public int WaitingCount => queue.Count;

    public int PeerCount => peers.Count;

    /// <summary>Waiting requests, longest-waiting first.</summary>
    public IReadOnlyCollection<WaitingRequest> Queue => queue;

    public IReadOnlyCollection<PeerEntry> Peers => peers.Values;

    public IReadOnlyCollection<PendingOffer> Offers => offers.Values;

    public WaitingRequest? FindRequest(string requestId) => requests.GetValueOrDefault(requestId);

    public PendingOffer? FindOffer(string offerId) => offers.GetValueOrDefault(offerId);

    public PeerEntry? FindPeer(string peerId) => peers.GetValueOrDefault(peerId);

    public WaitingRequest Enqueue(string requestId, SeekerSnapshot seeker, MatchRequest request, DateTimeOffset now)
    {
        var waiting = new WaitingRequest(requestId, nextSequence++, seeker, request, now);
        requests.Add(requestId, waiting);
        queue.Add(waiting);
        foreach (var identity in request.Identities)
        {
            IndexOf(requestsByIdentity, identity, () => new SortedSet<WaitingRequest>(BySequence)).Add(waiting);
        }

        if (request.PreferredPeerId is { } preferred)
        {
            IndexOf(requestsByPreferredPeer, preferred, () => new SortedSet<WaitingRequest>(BySequence)).Add(waiting);
        }

        return waiting;
    }

    /// <summary>Takes a request out of the queue, withdrawing its open offer; returns that offer, if any.</summary>
    public PendingOffer? Remove(WaitingRequest request)
    {
        var offer = request.Offer;
        if (offer is not null)
        {
            CloseOffer(request, passed: false);
        }

        requests.Remove(request.RequestId);
        queue.Remove(request);
        anyPeerRequests.Remove(request);
        foreach (var identity in request.Request.Identities)
        {
            requestsByIdentity[identity].Remove(request);
        }

        if (request.Request.PreferredPeerId is { } preferred)
        {
            requestsByPreferredPeer[preferred].Remove(request);
        }

        return offer;
    }

    /// <summary>Adds or refreshes a peer from their latest snapshot.</summary>
    public PeerEntry UpsertPeer(PeerSnapshot snapshot)
    {
        if (peers.TryGetValue(snapshot.PeerId, out var existing))
        {
            foreach (var identity in existing.Snapshot.Identities)
            {
                peersByIdentity[identity].Remove(existing);
            }

            existing.Update(snapshot);
        }
        else
        {
            existing = new PeerEntry(snapshot);
            peers.Add(snapshot.PeerId, existing);
        }

        foreach (var identity in snapshot.Identities)
        {
            IndexOf(peersByIdentity, identity, () => []).Add(existing);
        }

        return existing;
    }

    /// <summary>Forgets a peer, closing their open offers; returns those offers so their requests can move on.</summary>
    public IReadOnlyList<PendingOffer> RemovePeer(string peerId)
    {
        if (!peers.Remove(peerId, out var peer))
        {
            return [];
        }

        foreach (var identity in peer.Snapshot.Identities)
        {
            peersByIdentity[identity].Remove(peer);
        }

        var open = offers.Values.Where(o => o.PeerId == peerId).ToList();
        foreach (var offer in open)
        {
            CloseOffer(requests[offer.RequestId], passed: false);
        }

        return open;
    }

    /// <summary>Opens an offer of <paramref name="request"/> to <paramref name="peer"/>; it holds a place in the peer's capacity.</summary>
    public PendingOffer MakeOffer(WaitingRequest request, PeerEntry peer, string offerId, DateTimeOffset now)
    {
        if (request.Offer is not null)
        {
            throw new InvalidOperationException($"Request {request.RequestId} already has an open offer.");
        }

        var offer = new PendingOffer(offerId, request.RequestId, peer.PeerId, now + options.OfferWindow);
        request.Offer = offer;
        peer.PendingOffers++;
        offers.Add(offerId, offer);
        return offer;
    }

    /// <summary>Closes a request's open offer. A peer who passed (declined, or let it expire) is never offered it again.</summary>
    public void CloseOffer(WaitingRequest request, bool passed)
    {
        var offer = request.Offer ?? throw new InvalidOperationException($"Request {request.RequestId} has no open offer.");
        request.Offer = null;
        offers.Remove(offer.OfferId);
        if (peers.TryGetValue(offer.PeerId, out var peer))
        {
            peer.PendingOffers--;
        }

        if (passed)
        {
            request.PassedBy.Add(offer.PeerId);
        }
    }

    /// <summary>Moves a request to the stage its wait has reached; returns whether the stage changed.</summary>
    public bool Advance(WaitingRequest request, DateTimeOffset now)
    {
        var stage = options.StageAfter(now - request.EnqueuedAt);
        if (stage == request.Stage)
        {
            return false;
        }

        request.Stage = stage;
        if (stage == MatchStage.AnyPeer)
        {
            anyPeerRequests.Add(request);
        }

        return true;
    }

    /// <summary>The decision for a request with no open offer: the best peer the stage allows, or null.</summary>
    public PeerEntry? BestPeerFor(WaitingRequest request, DateTimeOffset now)
    {
        PeerEntry? best = null;
        var bestScore = int.MinValue;
        void Consider(PeerEntry peer)
        {
            if (MatchScorer.Score(request, peer, Catalog, now) is { } score
                && (score > bestScore || (score == bestScore && string.CompareOrdinal(peer.PeerId, best!.PeerId) < 0)))
            {
                best = peer;
                bestScore = score;
            }
        }

        if (request.Request.PreferredPeerId is { } preferred && peers.TryGetValue(preferred, out var preferredPeer))
        {
            Consider(preferredPeer);
        }

        if (request.Stage == MatchStage.AnyPeer)
        {
            foreach (var peer in peers.Values)
            {
                Consider(peer);
            }

            return best;
        }

        foreach (var identity in request.Request.Identities)
        {
            ConsiderAll(peersByIdentity, identity, Consider);
            if (request.Stage == MatchStage.RelatedIdentity)
            {
                foreach (var related in Catalog.RelatedTo(identity))
                {
                    ConsiderAll(peersByIdentity, related, Consider);
                }
            }
        }

        return best;
    }

    /// <summary>
    /// The decision for a peer with room: the waiting request (with no open offer) this peer suits best.
    /// Among equally good requests the longest-waiting goes first.
    /// </summary>
    public WaitingRequest? BestRequestFor(PeerEntry peer, DateTimeOffset now)
    {
        if (!peer.HasRoom(now))
        {
            return null;
        }

        WaitingRequest? best = null;
        var bestScore = int.MinValue;
        void Consider(WaitingRequest request)
        {
            if (request.Offer is null
                && MatchScorer.Score(request, peer, Catalog, now) is { } score
                && (score > bestScore || (score == bestScore && request.Sequence < best!.Sequence)))
            {
                best = request;
                bestScore = score;
            }
        }

        foreach (var identity in peer.Snapshot.Identities)
        {
            ConsiderAll(requestsByIdentity, identity, Consider);
            foreach (var related in Catalog.RelatedTo(identity))
            {
                ConsiderAll(requestsByIdentity, related, Consider);
            }
        }

        foreach (var request in anyPeerRequests)
        {
            Consider(request);
        }

        ConsiderAll(requestsByPreferredPeer, peer.PeerId, Consider);
        return best;
    }

    private static void ConsiderAll(Dictionary<string, HashSet<PeerEntry>> index, string identity, Action<PeerEntry> consider)
    {
        if (index.TryGetValue(identity, out var entries))
        {
            foreach (var entry in entries)
            {
                consider(entry);
            }
        }
    }

    private static void ConsiderAll(Dictionary<string, SortedSet<WaitingRequest>> index, string key, Action<WaitingRequest> consider)
    {
        if (index.TryGetValue(key, out var entries))
        {
            foreach (var entry in entries)
            {
                consider(entry);
            }
        }
    }

    private static TValue IndexOf<TValue>(Dictionary<string, TValue> index, string key, Func<TValue> create)
    {
        if (!index.TryGetValue(key, out var value))
        {
            index[key] = value = create();
        }

        return value;
    }
}
