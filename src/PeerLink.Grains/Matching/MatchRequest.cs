namespace PeerLink.Grains.Matching;

/// <param name="Identities">The seeker's identities, most important first.</param>
/// <param name="Topic">One optional line about what is on their mind.</param>
/// <param name="PreferredPeerId">A peer to try first, for continuity.</param>
public sealed record MatchRequest(IReadOnlyList<string> Identities, string Language, string? Topic = null, string? PreferredPeerId = null);

/// <summary>What the matchmaker needs to know about a seeker, taken when the request is made.</summary>
/// <param name="GoodPastPeers">Peers this seeker gave good feedback to, for continuity.</param>
public sealed record SeekerSnapshot(string SeekerId, string Pseudonym, IReadOnlySet<string> Blocked, IReadOnlySet<string> GoodPastPeers);

/// <summary>What the matchmaker needs to know about a peer. The peer's grain sends a new one whenever it changes.</summary>
/// <param name="Available">Set available, with a live connection, and inside a weekly window if any are set.</param>
public sealed record PeerSnapshot(
    string PeerId,
    string Pseudonym,
    IReadOnlyList<string> Identities,
    IReadOnlyList<string> Languages,
    bool Trained,
    bool Available,
    int Capacity,
    int ActiveConversations,
    DateTimeOffset? CoolDownUntil,
    DateTimeOffset? LastConversationEndedAt,
    IReadOnlySet<string> Blocked);
