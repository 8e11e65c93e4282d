using System.Numerics;
using System.Runtime.InteropServices;
using PeerLink.Grains.Identities;

namespace PeerLink.Grains.Matching;

/// <summary>
/// A queue's waiting requests, filed so that a peer-side decision scores only those that can still win.
/// Each request sits in one <see cref="RequestBucket"/> per identity it chose. A decision walks the buckets
/// of the peer's identities and related identities from the highest score they allow down, and stops once
/// none left can reach the best found. Requests that name the peer (preferred, or a good past peer) are
/// scored first, because their bonuses fit no bucket's ceiling. Any-peer requests that share nothing with
/// the peer all score the same, so they are kept by wait and the longest-waiting one is taken.
/// </summary>
internal sealed class RequestIndex(IdentityBits bits, IdentityCatalog catalog)
{
    private readonly List<IdentityRequests?> byBit = [];
    private readonly List<IdentityRequests> identities = [];
    private readonly Dictionary<string, HashSet<WaitingRequest>> byPreferredPeer = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<WaitingRequest>> byGoodPastPeer = new(StringComparer.Ordinal);
    private readonly SortedSet<WaitingRequest> anyPeer = new(WaitingRequest.LongestWaitingFirst);

    // Reused by every decision: a matchmaker makes one decision at a time.
    private readonly List<StepWalk> walks = [];
    private IdentityCatalog catalog = catalog;
    private long visitStamp;

    /// <summary>Relations changed: re-derives each identity's related mask, which waiting requests share.</summary>
    public void UseCatalog(IdentityCatalog next)
    {
        catalog = next;
        foreach (var identity in identities)
        {
            identity.RelatedMask = bits.MaskOf(catalog.RelatedTo(identity.Id));
        }
    }

    /// <summary>The identities related to <paramref name="identity"/>, as a mask; the same array for every request.</summary>
    public ulong[] RelatedMaskOf(string identity) => Identity(identity).RelatedMask;

    public void Add(WaitingRequest request) => File(request, request.Stage, add: true);

    public void Remove(WaitingRequest request) => File(request, request.Stage, add: false);

    public void Restage(WaitingRequest request, MatchStage previous)
    {
        File(request, previous, add: false);
        File(request, request.Stage, add: true);
    }

    /// <summary>The waiting request with no open offer that <paramref name="peer"/> suits best, exactly as scoring every one would choose.</summary>
    public WaitingRequest? BestFor(PeerEntry peer, DateTimeOffset now)
    {
        if (!peer.HasRoom(now))
        {
            return null;
        }

        var best = new Best<WaitingRequest>(++visitStamp);
        best.ConsiderAll(byPreferredPeer.GetValueOrDefault(peer.PeerId), peer, now);
        best.ConsiderAll(byGoodPastPeer.GetValueOrDefault(peer.PeerId), peer, now);

        // Every request not scored yet earns no continuity bonus, so its score is its identity part plus the
        // peer's standing, and its identity part is at most the ceiling of a step that holds it.
        var standing = MatchScorer.Standing(peer, now);
        StartWalks(peer.IdentityMask);
        while (NextStep() is { } step)
        {
            if (best.Entry is not null && step.Ceiling + standing < best.Score)
            {
                break;
            }

            if (!step.RunnerUpShared)
            {
                Scan(step.Bucket.Requests, peer, standing, now, ref best);
                continue;
            }

            var mask = peer.IdentityMask;
            for (var word = 0; word < mask.Length; word++)
            {
                for (var rest = mask[word]; rest != 0; rest &= rest - 1)
                {
                    Scan(step.Bucket.FindWithRunnerUp(word * 64 + BitOperations.TrailingZeroCount(rest)), peer, standing, now, ref best);
                }
            }
        }

        // Anything found so far beats the standing alone. If nothing was, only any-peer requests that share
        // nothing with the peer are left; they all score the standing, so the longest-waiting one wins.
        if (best.Entry is null)
        {
            foreach (var request in anyPeer)
            {
                best.Consider(request, peer, now);
                if (best.Entry is not null)
                {
                    break;
                }
            }
        }

        return best.Entry;
    }

    private static void Scan(HashSet<WaitingRequest>? requests, PeerEntry peer, int standing, DateTimeOffset now, ref Best<WaitingRequest> best)
    {
        if (requests is null)
        {
            return;
        }

        foreach (var request in requests)
        {
            // The filters hash strings and the identity terms are bit tests, so a request whose identities
            // alone fall short of the best is passed over before the filters are run.
            var (shared, related) = MatchScorer.IdentityTerms(request, peer.IdentityMask);
            if (best.Entry is null || shared + related + standing >= best.Score)
            {
                best.Consider(request, peer, now);
            }
        }
    }

    /// <summary>One walk per identity the peer has or is related to, each over that identity's steps for the role.</summary>
    private void StartWalks(ulong[] mask)
    {
        walks.Clear();
        foreach (var identity in identities)
        {
            // The same two tests as the scorer: shared, or else related (which counts only once widened).
            if (IdentityMask.Has(mask, identity.Bit))
            {
                walks.Add(new StepWalk(identity.AsShared));
            }
            else if (IdentityMask.Overlaps(identity.RelatedMask, mask))
            {
                walks.Add(new StepWalk(identity.AsRelated));
            }
        }
    }

    /// <summary>The step with the highest ceiling not taken yet, across all walks.</summary>
    private RequestBucket.Step? NextStep()
    {
        var walking = CollectionsMarshal.AsSpan(walks);
        var chosen = -1;
        for (var i = 0; i < walking.Length; i++)
        {
            if (walking[i].Next < walking[i].Steps.Count
                && (chosen < 0 || walking[i].Steps[walking[i].Next].Ceiling > walking[chosen].Steps[walking[chosen].Next].Ceiling))
            {
                chosen = i;
            }
        }

        return chosen < 0 ? null : walking[chosen].Steps[walking[chosen].Next++];
    }

    private void File(WaitingRequest request, MatchStage stage, bool add)
    {
        var ids = request.Request.Identities;
        var count = request.IdentityBits.Length;
        var widened = stage >= MatchStage.RelatedIdentity;
        for (var i = 0; i < count; i++)
        {
            var bucket = Identity(ids[i]).BucketFor(count, count - i, widened);
            Update(bucket.Requests, request, add);
            if (count > 1)
            {
                // The runner-up is the first-ranked identity, or the second when this one is the first.
                Update(bucket.WithRunnerUp(request.IdentityBits[i == 0 ? 1 : 0]), request, add);
            }
        }

        if (request.Request.PreferredPeerId is { } preferred)
        {
            Update(PeerList(byPreferredPeer, preferred), request, add);
        }

        foreach (var good in request.Seeker.GoodPastPeers)
        {
            Update(PeerList(byGoodPastPeer, good), request, add);
        }

        if (stage == MatchStage.AnyPeer)
        {
            if (add)
            {
                anyPeer.Add(request);
            }
            else
            {
                anyPeer.Remove(request);
            }
        }
    }

    private static void Update(HashSet<WaitingRequest> set, WaitingRequest request, bool add)
    {
        if (add)
        {
            set.Add(request);
        }
        else
        {
            set.Remove(request);
        }
    }

    private static HashSet<WaitingRequest> PeerList(Dictionary<string, HashSet<WaitingRequest>> index, string peerId) =>
        CollectionsMarshal.GetValueRefOrAddDefault(index, peerId, out _) ??= [];

    private IdentityRequests Identity(string id)
    {
        var bit = bits.BitOf(id);
        while (byBit.Count <= bit)
        {
            byBit.Add(null);
        }

        if (byBit[bit] is not { } identity)
        {
            byBit[bit] = identity = new IdentityRequests(id, bit, bits.MaskOf(catalog.RelatedTo(id)));
            identities.Add(identity);
        }

        return identity;
    }

    private record struct StepWalk(List<RequestBucket.Step> Steps)
    {
        public int Next;
    }
}
