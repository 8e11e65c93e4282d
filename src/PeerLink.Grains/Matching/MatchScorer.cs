using PeerLink.Grains.Identities;

namespace PeerLink.Grains.Matching;

/// <summary>
/// The matching policy: hard filters, then a score. Shared identities count most, weighted by the seeker's
/// ranking; then related identities; then continuity; then a lighter load and a longer rest since the
/// peer's last conversation. The stage decides how much in common is required.
/// </summary>
public static class MatchScorer
{
    public const int SharedWeight = 100;
    public const int RelatedWeight = 30;
    public const int PreferredPeerBonus = 1_000;
    public const int GoodPastPeerBonus = 200;
    public const int LoadPenalty = 25;
    public const int MaxRestBonus = 10;

    /// <summary>The score of <paramref name="peer"/> for <paramref name="request"/>, or null when a hard filter or the stage rules it out.</summary>
    public static int? Score(WaitingRequest request, PeerEntry peer, DateTimeOffset now)
    {
        var snapshot = peer.Snapshot;
        var seeker = request.Seeker;
        if (!peer.HasRoom(now)
            || snapshot.PeerId == seeker.SeekerId
            || request.PassedBy.Contains(snapshot.PeerId)
            || seeker.Blocked.Contains(snapshot.PeerId)
            || snapshot.Blocked.Contains(seeker.SeekerId))
        {
            return null;
        }

        var (shared, related) = IdentityTerms(request, peer.IdentityMask);
        var preferred = snapshot.PeerId == request.Request.PreferredPeerId;
        var eligible = preferred || request.Stage switch
        {
            MatchStage.SharedIdentity => shared > 0,
            MatchStage.RelatedIdentity => shared > 0 || related > 0,
            _ => true,
        };
        if (!eligible)
        {
            return null;
        }

        return shared + related
            + (preferred ? PreferredPeerBonus : 0)
            + (seeker.GoodPastPeers.Contains(snapshot.PeerId) ? GoodPastPeerBonus : 0)
            + Standing(peer, now);
    }

    /// <summary>What the seeker's ranked identities earn with a peer: those shared, and those related once the search has widened.</summary>
    public static (int Shared, int Related) IdentityTerms(WaitingRequest request, ulong[] peerMask)
    {
        var bits = request.IdentityBits;
        var widened = request.Stage >= MatchStage.RelatedIdentity;
        int shared = 0, related = 0;
        for (var i = 0; i < bits.Length; i++)
        {
            var weight = bits.Length - i;
            if (IdentityMask.Has(peerMask, bits[i]))
            {
                shared += weight * SharedWeight;
            }
            else if (widened && IdentityMask.Overlaps(request.RelatedMasks[i], peerMask))
            {
                related += weight * RelatedWeight;
            }
        }

        return (shared, related);
    }

    /// <summary>
    /// The part of a score that depends on the peer alone: a lighter load and a longer rest. It is the same for
    /// every request, so a peer-side decision adds it to its bounds rather than to each candidate.
    /// </summary>
    public static int Standing(PeerEntry peer, DateTimeOffset now)
    {
        var rest = peer.Snapshot.LastConversationEndedAt is { } ended
            ? Math.Min((int)(now - ended).TotalMinutes, 60) / 6
            : MaxRestBonus;
        return rest - (peer.Load * LoadPenalty);
    }

    /// <summary>Why these two were matched, in words a person reads ("you are both veterans").</summary>
    public static string Reason(WaitingRequest request, PeerSnapshot peer, IdentityCatalog catalog)
    {
        var shared = request.Request.Identities.Where(id => peer.Identities.Contains(id) && catalog.Contains(id)).Select(id => catalog.Get(id).Members).ToList();
        if (shared.Count > 0)
        {
            return $"You are both {JoinWithAnd(shared)}.";
        }

        foreach (var id in request.Request.Identities)
        {
            var close = peer.Identities.FirstOrDefault(p => catalog.AreRelated(id, p));
            if (close is not null && catalog.Contains(id) && catalog.Contains(close))
            {
                return $"You are one of the {catalog.Get(id).Members} and they are one of the {catalog.Get(close).Members}: close experiences.";
            }
        }

        if (peer.PeerId == request.Request.PreferredPeerId)
        {
            return $"You asked to talk with {peer.Pseudonym} again.";
        }

        return request.Seeker.GoodPastPeers.Contains(peer.PeerId)
            ? $"You talked with {peer.Pseudonym} before and it went well."
            : "They are a trained peer supporter who speaks your language and is free now.";
    }

    private static string JoinWithAnd(List<string> parts) =>
        parts.Count == 1 ? parts[0] : $"{string.Join(", ", parts[..^1])} and {parts[^1]}";
}
