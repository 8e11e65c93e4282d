namespace PeerLink.Grains.Matching;

/// <summary>A peer as one matchmaker sees it: the latest snapshot plus the offers it has out to them.</summary>
public sealed class PeerEntry(PeerSnapshot snapshot)
{
    public PeerSnapshot Snapshot { get; private set; } = snapshot;

    public HashSet<string> IdentitySet { get; private set; } = new(snapshot.Identities, StringComparer.Ordinal);

    public int PendingOffers { get; internal set; }

    public string PeerId => Snapshot.PeerId;

    /// <summary>Conversations held plus offers out: an offer holds a place until it is answered.</summary>
    public int Load => Snapshot.ActiveConversations + PendingOffers;

    public bool HasRoom(DateTimeOffset now) =>
        Snapshot.Trained && Snapshot.Available && Load < Snapshot.Capacity
        && (Snapshot.CoolDownUntil is not { } until || until <= now);

    internal void Update(PeerSnapshot next)
    {
        Snapshot = next;
        IdentitySet = new HashSet<string>(next.Identities, StringComparer.Ordinal);
    }
}
