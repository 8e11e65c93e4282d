namespace PeerLink.Grains.Matching;

/// <summary>
/// Upper bounds on the identity part of <see cref="MatchScorer.Score"/>, for <see cref="RequestIndex"/> to
/// pass over requests that cannot win. They follow the scorer's weights, and a change to how identities are
/// scored must change them too; the full-scan property tests catch a bound that is too low.
/// </summary>
internal static class IdentityCeiling
{
    /// <summary>
    /// The most the identity part of a score can be for a request of <paramref name="count"/> ranked identities
    /// whose largest identity term is the one at <paramref name="weight"/>, shared or related. Every other rank
    /// has a different weight and a term no larger than that one, so it adds at most its shared term or its
    /// related term, whichever still fits. Whether the runner-up (the other rank with the highest weight) is
    /// shared is known, which keeps the bound tight: a peer-side decision stops once no unseen request can
    /// reach the best it has found.
    /// </summary>
    public static int Of(int count, int weight, bool shared, bool widened, bool runnerUpShared)
    {
        var largest = weight * (shared ? MatchScorer.SharedWeight : MatchScorer.RelatedWeight);
        var runnerUp = RunnerUpWeight(count, weight);
        var ceiling = largest;
        for (var other = 1; other <= count; other++)
        {
            var asShared = other * MatchScorer.SharedWeight;
            var asRelated = widened ? other * MatchScorer.RelatedWeight : 0;
            ceiling += other == weight ? 0
                : other == runnerUp && runnerUpShared ? asShared
                : other != runnerUp && asShared <= largest ? asShared
                : asRelated <= largest ? asRelated
                : 0;
        }

        return ceiling;
    }

    /// <summary>The highest weight among a request's other ranks; 0 when it ranks a single identity.</summary>
    public static int RunnerUpWeight(int count, int weight) => weight == count ? count - 1 : count;
}
