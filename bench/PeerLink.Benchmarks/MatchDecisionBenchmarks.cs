using BenchmarkDotNet.Attributes;
using PeerLink.Grains.Matching;

namespace PeerLink.Benchmarks;

/// <summary>
/// Mean cost and allocation of one matching decision as the queue grows, against a naive decision that
/// scores every candidate in one pass (<see cref="FullScan"/>, the baseline of each pair). Per-decision percentiles come from <see cref="MatchDecisionRun"/>.
/// </summary>
[MemoryDiagnoser]
[CategoriesColumn]
[GroupBenchmarksBy(BenchmarkDotNet.Configs.BenchmarkLogicalGroupRule.ByCategory)]
public class MatchDecisionBenchmarks
{
    private MatchQueue queue = null!;
    private WaitingRequest[] requests = [];
    private PeerEntry[] peers = [];
    private int next;

    [Params(1_000, 10_000, 100_000)]
    public int Waiting { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        (queue, requests) = MatchDecisionRun.Build(Waiting, seed: 42);
        peers = [.. queue.Peers];
    }

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("request")]
    public PeerEntry? NaiveBestPeerForRequest() => FullScan.BestPeerFor(queue, requests[Next(requests.Length)], MatchDecisionRun.Now);

    [Benchmark]
    [BenchmarkCategory("request")]
    public PeerEntry? BestPeerForRequest() => queue.BestPeerFor(requests[Next(requests.Length)], MatchDecisionRun.Now);

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("peer")]
    public WaitingRequest? NaiveBestRequestForPeer() => FullScan.BestRequestFor(queue, peers[Next(peers.Length)], MatchDecisionRun.Now);

    [Benchmark]
    [BenchmarkCategory("peer")]
    public WaitingRequest? BestRequestForPeer() => queue.BestRequestFor(peers[Next(peers.Length)], MatchDecisionRun.Now);

    private int Next(int length) => next = (next + 7919) % length;
}
