namespace PeerLink.Grains.Matching;

/// <summary>A request in a matchmaker's queue. Mutable, and owned by one <see cref="MatchQueue"/>.</summary>
public sealed class WaitingRequest(string requestId, long sequence, SeekerSnapshot seeker, MatchRequest request, DateTimeOffset enqueuedAt)
{
    /// <summary>Arrival order, which is also the order among equally good requests.</summary>
    public static readonly IComparer<WaitingRequest> LongestWaitingFirst = Comparer<WaitingRequest>.Create((a, b) => a.Sequence.CompareTo(b.Sequence));

    public string RequestId { get; } = requestId;

    /// <summary>Arrival order: lower waited longer.</summary>
    public long Sequence { get; } = sequence;

    public SeekerSnapshot Seeker { get; } = seeker;

    public MatchRequest Request { get; } = request;

    public DateTimeOffset EnqueuedAt { get; } = enqueuedAt;

    public MatchStage Stage { get; internal set; }

    /// <summary>Peers who declined or let an offer for this request expire: never offered it again.</summary>
    public HashSet<string> PassedBy { get; } = new(StringComparer.Ordinal);

    public PendingOffer? Offer { get; internal set; }

    /// <summary>Whether any peer has been offered this request yet: its first offer is the one timed.</summary>
    public bool Offered { get; internal set; }

    /// <summary>The seeker's identities as bit positions, in rank order.</summary>
    public int[] IdentityBits { get; internal set; } = [];

    /// <summary>For each ranked identity, the identities related to it, as a mask.</summary>
    public ulong[][] RelatedMasks { get; internal set; } = [];

    /// <summary>The last decision that scored this request, so one decision scores each request once.</summary>
    internal long Visit { get; set; }

    /// <summary>What the seeker was last told, so updates go out only on change.</summary>
    public (int Position, int? Estimate, MatchStage Stage)? LastPublished { get; set; }
}

/// <summary>An offer of one request to one peer, open until it is accepted, declined or expires.</summary>
public sealed record PendingOffer(string OfferId, string RequestId, string PeerId, DateTimeOffset ExpiresAt);
