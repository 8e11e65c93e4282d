using BenchmarkDotNet.Attributes;

namespace PeerLink.Benchmarks;

/// <summary>
/// One call to an active grain in a co-hosted silo, from the silo's in-process client (as the web host calls grains)
/// and from inside another grain, against the same method called directly on a plain object (the baseline): the
/// ratio is what Orleans costs per call.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class GrainCallBenchmarks
{
    // Grain to grain: one client call to the relay carries this many calls from it to the target, so the client
    // call's own cost is spread over them (about one part in this many).
    private const int RelayedCalls = 100;

    private readonly DirectCounter direct = new();
    private BenchSilo silo = null!;
    private IBenchGrain grain = null!;
    private IBenchRelayGrain relay = null!;

    [GlobalSetup]
    public void Setup()
    {
        silo = BenchSilo.Start();
        grain = silo.Grains.GetGrain<IBenchGrain>("bench");
        relay = silo.Grains.GetGrain<IBenchRelayGrain>("relay");
        grain.Increment().GetAwaiter().GetResult();
        relay.CallTarget("target", 1).GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup() => silo.Dispose();

    [Benchmark(Baseline = true)]
    public Task<int> DirectInterfaceCall() => direct.Increment();

    [Benchmark]
    public Task<int> ClientToGrain() => grain.Increment();

    [Benchmark(OperationsPerInvoke = RelayedCalls)]
    public Task<int> GrainToGrain() => relay.CallTarget("target", RelayedCalls);
}
