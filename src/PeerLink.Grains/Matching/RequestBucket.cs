using System.Runtime.InteropServices;

namespace PeerLink.Grains.Matching;

/// <summary>
/// The waiting requests that gave one identity the same weight, among the same number of identities, with
/// the search widened or not. A peer's score for any of them has one ceiling for each role the identity can
/// play (the peer shares it, or has one related to it), so a decision can pass over a whole bucket at once.
/// Requests are kept again by their runner-up identity, because a request with a second shared identity
/// can score far more than one without: looking those up directly keeps the bucket's own ceiling low.
/// </summary>
internal sealed class RequestBucket(int ranked, int weight, bool widened)
{
    private readonly Dictionary<int, HashSet<WaitingRequest>> byRunnerUp = [];

    public int Ranked { get; } = ranked;

    public int Weight { get; } = weight;

    public bool Widened { get; } = widened;

    /// <summary>Unordered: a decision that takes a bucket scores all of it.</summary>
    public HashSet<WaitingRequest> Requests { get; } = [];

    /// <summary>The requests here whose runner-up identity has bit <paramref name="bit"/>, if any.</summary>
    public HashSet<WaitingRequest>? FindWithRunnerUp(int bit) => byRunnerUp.GetValueOrDefault(bit);

    public HashSet<WaitingRequest> WithRunnerUp(int bit) => CollectionsMarshal.GetValueRefOrAddDefault(byRunnerUp, bit, out _) ??= [];

    /// <summary>
    /// One step of a decision's walk: scoring this bucket's requests (or, when <paramref name="RunnerUpShared"/>,
    /// only those whose runner-up the peer shares), none of which can earn more than <paramref name="Ceiling"/>
    /// for their identities unless a step with a higher ceiling holds them too.
    /// </summary>
    public readonly record struct Step(int Ceiling, RequestBucket Bucket, bool RunnerUpShared);
}
