using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PeerLink.Grains.Safety;

namespace PeerLink.Grains.Tests.Safety;

/// <summary>
/// A message no rule matches is settled by one pattern made of every rule. These hold that shortcut to the
/// answers of the rules judged one by one.
/// </summary>
public sealed class CrisisRuleJoiningTests
{
    [Fact]
    public void Joining_the_rules_changes_no_assessment_of_the_labelled_sentences()
    {
        // The longest limit allowed: this compares answers, and a pattern timing out on a busy test machine is skipped.
        var options = SafetyServices.Build().GetRequiredService<IOptions<CrisisOptions>>().Value;
        options.MatchTimeout = TimeSpan.FromSeconds(2);
        var joined = new CrisisDetector(options, joinRules: true);
        var apart = new CrisisDetector(options, joinRules: false);
        var sentences = LabelledSentence.Load("crisis-sentences.tsv").Concat(LabelledSentence.Load("crisis-sentences-holdout.tsv")).ToList();

        var differences = sentences
            .Select(s => (s.Text, Joined: joined.Assess(s.Text, s.Language), Apart: apart.Assess(s.Text, s.Language)))
            .Where(r => r.Joined != r.Apart)
            .Select(r => $"{r.Text}: joined {r.Joined}, apart {r.Apart}")
            .ToList();

        Assert.True(sentences.Count(s => s.Label != RiskLevel.None) > 100, "The labelled set should hold sentences the rules match.");
        Assert.Empty(differences);
    }

    [Fact]
    public void A_rule_that_refers_to_its_own_group_still_matches()
    {
        // The real rules capture groups of their own, so a joined pattern would send \1 to another rule's group.
        using var services = SafetyServices.Build(new Dictionary<string, string?>
        {
            ["PeerLink:Safety:Languages:en:High:said-twice"] = @"(ping) \1 pong",
        });
        var detector = services.GetRequiredService<ICrisisDetector>();

        Assert.Equal(new CrisisAssessment(RiskLevel.High, "en:high:said-twice"), detector.Assess("and then ping ping pong", "en"));
        Assert.Equal(CrisisAssessment.None, detector.Assess("ping pang pong", "en"));
    }

    [Fact]
    public void The_real_rules_of_every_language_are_joined()
    {
        var options = SafetyServices.Build().GetRequiredService<IOptions<CrisisOptions>>().Value;
        foreach (var (language, rules) in options.Languages)
        {
            var errors = new List<string>();
            var set = CrisisRuleSet.Compile(language, rules, options.MatchTimeout, compiled: true, errors);

            Assert.Empty(errors);
            Assert.True(set.JoinsRules, $"The {language} rules are judged one by one on every message.");
        }
    }

    [Theory]
    [InlineData("want to die(?! of)", "want to die(?:)")]
    [InlineData("go on(?= ?($|[.,!?]))", "go on(?:)")]
    [InlineData("(?<!not )alone(?<=e)", "(?:)alone(?:)")]
    [InlineData("a[(?=]b(?=[)]c)d", "a[(?=]b(?:)d")]
    [InlineData(@"a\(?=b(?=\))c", @"a\(?=b(?:)c")]
    [InlineData("[]x](?=y)z", "[]x](?:)z")]
    [InlineData("ab(?=c){2}", "ab(?:){2}")]
    [InlineData("(?<name>x)(?:y)", "(?<name>x)(?:y)")]
    public void Lookarounds_become_empty_groups_in_the_joined_pattern_and_nothing_else_changes(string rule, string joined)
    {
        Assert.Equal(joined, CrisisRuleSet.WithoutLookarounds(rule));
    }
}
