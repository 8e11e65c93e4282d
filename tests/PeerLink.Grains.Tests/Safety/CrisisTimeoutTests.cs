using Microsoft.Extensions.DependencyInjection;
using PeerLink.Grains.Safety;

namespace PeerLink.Grains.Tests.Safety;

/// <summary>A rule that runs out of time must never be read as "no risk".</summary>
public sealed class CrisisTimeoutTests
{
    // Nested quantifiers: when the word boundary after "y" fails, the backtracking engine tries every way of
    // splitting the x's before giving up, far beyond any time limit. The joined pattern (non-backtracking, no
    // boundaries) matches the text, so the rule itself is run.
    private const string Tangled = "(x+x+)+y";
    private static readonly string TangledText = new string('x', 48) + "yz";

    // Long enough that the ordinary rules never run out of it on a busy machine (10 ms did, once, with the whole
    // suite running on two cores); the tangled rule needs far longer than any limit.
    private static ServiceProvider Build() => SafetyServices.Build(new Dictionary<string, string?>
    {
        ["PeerLink:Safety:MatchTimeout"] = "00:00:00.250",
        ["PeerLink:Safety:Languages:en:High:tangled"] = Tangled,
    });

    [Fact]
    public void A_high_rule_that_times_out_twice_makes_the_message_a_concern_a_moderator_sees()
    {
        using var services = Build();
        var detector = services.GetRequiredService<ICrisisDetector>();

        Assert.Equal(new CrisisAssessment(RiskLevel.Concern, "en:high:tangled+timeout"), detector.Assess(TangledText, "en"));
    }

    [Fact]
    public void A_rule_that_matches_still_raises_high_when_another_times_out()
    {
        using var services = Build();
        var detector = services.GetRequiredService<ICrisisDetector>();

        Assert.Equal(RiskLevel.High, detector.Assess($"{TangledText} and I want to kill myself", "en").Level);
    }

    [Fact]
    public void A_message_the_slow_rule_settles_in_time_is_judged_as_usual()
    {
        using var services = Build();
        var detector = services.GetRequiredService<ICrisisDetector>();

        Assert.Equal(CrisisAssessment.None, detector.Assess("a quiet evening with a book", "en"));
        Assert.Equal(new CrisisAssessment(RiskLevel.High, "en:high:tangled"), detector.Assess("xxy", "en"));
    }
}
