namespace PeerLink.Grains.Matching;

/// <param name="Identities">The seeker's identities, most important first.</param>
/// <param name="Topic">One optional line about what is on their mind.</param>
/// <param name="PreferredPeerId">A peer to try first, for continuity.</param>
[GenerateSerializer, Immutable, Alias("peerlink.match-request")]
public sealed record MatchRequest([Id(0)] IReadOnlyList<string> Identities, [Id(1)] string Language, [Id(2)] string? Topic = null, [Id(3)] string? PreferredPeerId = null);

/// <summary>What the matchmaker needs to know about a seeker, taken when the request is made.</summary>
/// <param name="GoodPastPeers">Peers this seeker gave good feedback to, for continuity.</param>
[GenerateSerializer, Immutable, Alias("peerlink.seeker-snapshot")]
public sealed record SeekerSnapshot([Id(0)] string SeekerId, [Id(1)] string Pseudonym, [Id(2)] IReadOnlySet<string> Blocked, [Id(3)] IReadOnlySet<string> GoodPastPeers);

/// <summary>What the matchmaker needs to know about a peer. The peer's grain sends a new one whenever it changes.</summary>
/// <param name="Available">Set available, with a live connection, and inside a weekly window if any are set.</param>
[GenerateSerializer, Immutable, Alias("peerlink.peer-snapshot")]
public sealed record PeerSnapshot(
    [Id(0)] string PeerId,
    [Id(1)] string Pseudonym,
    [Id(2)] IReadOnlyList<string> Identities,
    [Id(3)] IReadOnlyList<string> Languages,
    [Id(4)] bool Trained,
    [Id(5)] bool Available,
    [Id(6)] int Capacity,
    [Id(7)] int ActiveConversations,
    [Id(8)] DateTimeOffset? CoolDownUntil,
    [Id(9)] DateTimeOffset? LastConversationEndedAt,
    [Id(10)] IReadOnlySet<string> Blocked);
