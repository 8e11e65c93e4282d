
namespace PeerLink.Grains.Matching;

/// <summary>What a matchmaker holds now, for dashboards and invariant checks.</summary>
/// <param name="LastTickAt">When the pool last expired offers, widened searches and told seekers: a pool that stops
/// ticking stops widening, so this says it is alive.</param>
[GenerateSerializer, Immutable, Alias("peerlink.matchmaker-stats")]
public sealed record MatchmakerStats([Id(0)] int Waiting, [Id(1)] int Peers, [Id(2)] int OpenOffers, [Id(3)] int? EstimatedWaitSeconds, [Id(4)] DateTimeOffset LastTickAt);

/// <summary>A seeker's place in the queue.</summary>
[GenerateSerializer, Immutable, Alias("peerlink.queue-status")]
public sealed record QueueStatus([Id(0)] string RequestId, [Id(1)] int Position, [Id(2)] int? EstimatedWaitSeconds, [Id(3)] MatchStage Stage, [Id(4)] string? OpenOfferPeerId);

/// <summary>
/// Matches seekers with peers for one language pool (key: the language code, such as "en"). All of a pool's
/// decisions happen in this one grain, so no request is matched twice and no offer outlives its request.
/// </summary>
[GrainInterfaceType("peerlink.matchmaker")]
[Alias("peerlink.matchmaker-grain")]
public interface IMatchmakerGrain : IGrainWithStringKey
{
    /// <summary>Queues a request and returns its id; an offer goes out at once if a suitable peer is free.</summary>
    Task<string> RequestConversation(string seekerId, MatchRequest request);

    Task CancelRequest(string requestId, string seekerId);

    /// <summary>Accepts an open offer; returns the new conversation's id.</summary>
    Task<string> AcceptOffer(string offerId, string peerId);

    Task DeclineOffer(string offerId, string peerId);

    /// <summary>
    /// One-way: a peer's grain pushes its snapshots without waiting, because the matchmaker also calls the
    /// peer (to reserve a place) and two grains waiting on each other would deadlock. Pushes from one peer
    /// arrive in the order they were sent.
    /// </summary>
    [OneWay]
    Task UpdatePeer(PeerSnapshot snapshot);

    [OneWay]
    Task RemovePeer(string peerId);

    /// <summary>A read; may interleave, so no cycle of grains waiting on each other can block it.</summary>
    [AlwaysInterleave]
    Task<QueueStatus?> GetQueueStatus(string requestId);

    /// <summary>A read; may interleave, so no cycle of grains waiting on each other can block it.</summary>
    [AlwaysInterleave]
    Task<MatchmakerStats> GetStats();

    /// <summary>The ids of every waiting request, longest-waiting first. A read; may interleave.</summary>
    [AlwaysInterleave]
    Task<IReadOnlyList<string>> GetWaitingRequests();
}
