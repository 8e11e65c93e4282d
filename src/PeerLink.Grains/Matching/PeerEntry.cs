namespace PeerLink.Grains.Matching;

/// <summary>A peer as one matchmaker sees it: the latest snapshot plus the offers it has out to them.</summary>
public sealed class PeerEntry(PeerSnapshot snapshot, ulong[] identityMask)
{
    public PeerSnapshot Snapshot { get; private set; } = snapshot;

    /// <summary>The peer's identities as bits of the owning queue's <see cref="IdentityBits"/>.</summary>
    public ulong[] IdentityMask { get; private set; } = identityMask;

    /// <summary>The last decision that scored this peer, so one decision scores each peer once.</summary>
    internal long Visit { get; set; }

    public int PendingOffers { get; internal set; }

    public string PeerId => Snapshot.PeerId;

    /// <summary>Conversations held plus offers out: an offer holds a place until it is answered.</summary>
    public int Load => Snapshot.ActiveConversations + PendingOffers;

    public bool HasRoom(DateTimeOffset now) =>
        Snapshot.Trained && Snapshot.Available && Load < Snapshot.Capacity
        && (Snapshot.CoolDownUntil is not { } until || until <= now);

    internal void Update(PeerSnapshot next, ulong[] identityMask)
    {
        Snapshot = next;
        IdentityMask = identityMask;
    }
}
