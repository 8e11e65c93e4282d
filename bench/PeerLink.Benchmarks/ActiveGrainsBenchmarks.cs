using BenchmarkDotNet.Attributes;

namespace PeerLink.Benchmarks;

/// <summary>
/// A call through a reference while 1,000 to 100,000 grains are active. Allocated bytes per call should
/// stay flat: a call's cost must not grow with the number of activations.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class ActiveGrainsBenchmarks
{
    private BenchSilo silo = null!;
    private IBenchGrain[] references = [];
    private int next;

    [Params(1_000, 10_000, 100_000)]
    public int ActiveGrains { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        silo = BenchSilo.Start();
        references = Enumerable.Range(0, ActiveGrains).Select(i => silo.Grains.GetGrain<IBenchGrain>($"g{i}")).ToArray();
        Task.WhenAll(references.Select(r => r.Increment())).GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup() => silo.Dispose();

    [Benchmark]
    public Task<int> CallOneOfManyActiveGrains()
    {
        var reference = references[next];
        next = (next + 7919) % references.Length;
        return reference.Increment();
    }
}
