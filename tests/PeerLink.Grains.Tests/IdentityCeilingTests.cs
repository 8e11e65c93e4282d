using PeerLink.Grains.Matching;

namespace PeerLink.Grains.Tests;

/// <summary>The bounds a peer-side decision stops on must never fall below a real score, or it would miss the best request.</summary>
public sealed class IdentityCeilingTests
{
    private const int RelatedBit = 40;
    private static readonly SeekerSnapshot Seeker = new("s", "s", new HashSet<string>(), new HashSet<string>());

    [Fact]
    public void Every_ranking_of_up_to_eight_identities_scores_at_most_the_ceiling_of_its_largest_term()
    {
        var checkedRankings = 0;
        for (var count = 1; count <= 8; count++)
        {
            foreach (var widened in new[] { false, true })
            {
                // Each rank is either not shared, shared, or related to one of the peer's identities.
                var combinations = (int)Math.Pow(3, count);
                for (var combination = 0; combination < combinations; combination++)
                {
                    var roles = Enumerable.Range(0, count).Select(i => combination / (int)Math.Pow(3, i) % 3).ToArray();
                    var (shared, related) = MatchScorer.IdentityTerms(Request(roles, widened), PeerMask(roles));
                    var terms = roles.Select((role, i) => (count - i) * role switch
                    {
                        1 => MatchScorer.SharedWeight,
                        2 when widened => MatchScorer.RelatedWeight,
                        _ => 0,
                    }).ToArray();
                    var largest = Array.IndexOf(terms, terms.Max());
                    if (terms[largest] == 0)
                    {
                        continue;
                    }

                    var runnerUp = count == 1 ? -1 : largest == 0 ? 1 : 0;
                    var ceiling = IdentityCeiling.Of(count, count - largest, roles[largest] == 1, widened, runnerUpShared: runnerUp >= 0 && roles[runnerUp] == 1);
                    Assert.True(shared + related <= ceiling, $"roles {string.Join(",", roles)}, widened {widened}: scored {shared + related} over the ceiling {ceiling}");
                    checkedRankings++;
                }
            }
        }

        Assert.True(checkedRankings > 10_000);
    }

    private static WaitingRequest Request(int[] roles, bool widened) =>
        new("r", 0, Seeker, new MatchRequest([.. roles.Select((_, i) => $"i{i}")], "en"), DateTimeOffset.UnixEpoch)
        {
            IdentityBits = [.. roles.Select((_, i) => i)],
            RelatedMasks = [.. roles.Select(role => new[] { role == 2 ? 1UL << RelatedBit : 0 })],
            Stage = widened ? MatchStage.RelatedIdentity : MatchStage.SharedIdentity,
        };

    private static ulong[] PeerMask(int[] roles) =>
        [roles.Select((role, i) => role == 1 ? 1UL << i : role == 2 ? 1UL << RelatedBit : 0).Aggregate(0UL, (a, b) => a | b)];
}
