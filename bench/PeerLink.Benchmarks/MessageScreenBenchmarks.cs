using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Configuration;
using PeerLink.Grains.Safety;

namespace PeerLink.Benchmarks;

/// <summary>
/// Crisis screening of one message on the real rules (safety.json), as every message meets it: the rules judged
/// one by one (the baseline), against one joined pattern settling first whether any rule can match at all.
/// </summary>
[MemoryDiagnoser]
public class MessageScreenBenchmarks
{
    private static readonly Dictionary<string, string> Messages = new()
    {
        // Most messages: no rule matches.
        ["ordinary"] = "Thanks for listening today. It helped to talk about the move, my new job and my sister.",
        // A rule matches, so both take the long way: the joined pattern only adds its one pass.
        ["at-risk"] = "Honestly I have been thinking that I want to kill myself tonight, and I have a plan.",
    };

    private CrisisDetector apart = null!;
    private CrisisDetector joined = null!;
    private string text = "";

    [Params("ordinary", "at-risk")]
    public string Message { get; set; } = "ordinary";

    [GlobalSetup]
    public void Setup()
    {
        var options = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "safety.json"), optional: false)
            .Build()
            .GetSection(CrisisOptions.SectionName)
            .Get<CrisisOptions>()!;
        apart = new CrisisDetector(options, joinRules: false);
        joined = new CrisisDetector(options, joinRules: true);
        text = Messages[Message];
        if (apart.Assess(text, "en") != joined.Assess(text, "en"))
        {
            throw new InvalidOperationException("Joined and separate rules disagree; the comparison would mean nothing.");
        }
    }

    [Benchmark(Baseline = true)]
    public CrisisAssessment RulesOneByOne() => apart.Assess(text, "en");

    [Benchmark]
    public CrisisAssessment RulesJoined() => joined.Assess(text, "en");
}
