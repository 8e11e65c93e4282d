using System.Runtime.InteropServices;
using PeerLink.Grains.Identities;

namespace PeerLink.Grains.Matching;

/// <summary>
/// One language pool's waiting requests and peers, and every matching decision over them. Plain data with
/// no I/O, so the policy is tested and benchmarked on its own; <see cref="MatchmakerGrain"/> owns one.
/// Peers are indexed by identity, and requests by <see cref="RequestIndex"/>, so a decision looks only at
/// those that could match.
/// </summary>
public sealed class MatchQueue
{
    private readonly Dictionary<string, PeerEntry> peers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<PeerEntry>> peersByIdentity = new(StringComparer.Ordinal);
    private readonly Dictionary<string, WaitingRequest> requests = new(StringComparer.Ordinal);
    private readonly SortedSet<WaitingRequest> queue = new(WaitingRequest.LongestWaitingFirst);
    private readonly Dictionary<string, PendingOffer> offers = new(StringComparer.Ordinal);
    private readonly IdentityBits bits = new();
    private readonly RequestIndex index;
    private readonly MatchingOptions options;
    private long nextSequence;
    private long visitStamp;
    private IdentityCatalog catalog;

    public MatchQueue(IdentityCatalog catalog, MatchingOptions options)
    {
        this.catalog = catalog;
        this.options = options;
        index = new RequestIndex(bits, catalog);
    }

    /// <summary>The identity list used for relations; replacing it re-derives every waiting request's related masks.</summary>
    public IdentityCatalog Catalog
    {
        get => catalog;
        set
        {
            catalog = value;
            index.UseCatalog(value);
            foreach (var request in queue)
            {
                request.RelatedMasks = RelatedMasks(request.Request.Identities);
            }
        }
    }

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
        var waiting = new WaitingRequest(requestId, nextSequence++, seeker, request, now)
        {
            IdentityBits = [.. request.Identities.Select(bits.BitOf)],
            RelatedMasks = RelatedMasks(request.Identities),
        };
        requests.Add(requestId, waiting);
        queue.Add(waiting);
        index.Add(waiting);
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
        index.Remove(request);
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

            existing.Update(snapshot, bits.MaskOf(snapshot.Identities));
        }
        else
        {
            existing = new PeerEntry(snapshot, bits.MaskOf(snapshot.Identities));
            peers.Add(snapshot.PeerId, existing);
        }

        foreach (var identity in snapshot.Identities)
        {
            (CollectionsMarshal.GetValueRefOrAddDefault(peersByIdentity, identity, out _) ??= []).Add(existing);
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

        var previous = request.Stage;
        request.Stage = stage;
        index.Restage(request, previous);
        return true;
    }

    /// <summary>The decision for a request with no open offer: the best peer the stage allows, or null.</summary>
    public PeerEntry? BestPeerFor(WaitingRequest request, DateTimeOffset now)
    {
        var best = new Best<PeerEntry>(++visitStamp);
        if (request.Request.PreferredPeerId is { } preferred && peers.TryGetValue(preferred, out var preferredPeer))
        {
            best.Consider(request, preferredPeer, now);
        }

        if (request.Stage == MatchStage.AnyPeer)
        {
            foreach (var peer in peers.Values)
            {
                best.Consider(request, peer, now);
            }

            return best.Entry;
        }

        foreach (var identity in request.Request.Identities)
        {
            best.ConsiderAll(request, peersByIdentity.GetValueOrDefault(identity), now);
            if (request.Stage == MatchStage.RelatedIdentity)
            {
                foreach (var related in Catalog.RelatedTo(identity))
                {
                    best.ConsiderAll(request, peersByIdentity.GetValueOrDefault(related), now);
                }
            }
        }

        return best.Entry;
    }

    /// <summary>
    /// The decision for a peer with room: the waiting request (with no open offer) this peer suits best.
    /// Among equally good requests the longest-waiting goes first.
    /// </summary>
    public WaitingRequest? BestRequestFor(PeerEntry peer, DateTimeOffset now) => index.BestFor(peer, now);

    private ulong[][] RelatedMasks(IReadOnlyList<string> identities) => [.. identities.Select(index.RelatedMaskOf)];
}
