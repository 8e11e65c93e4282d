using BenchmarkDotNet.Attributes;
using PeerLink.Silo;
using PeerLink.Testing;

namespace PeerLink.Benchmarks;

/// <summary>
/// One call to an active grain through its reference, against the same method called directly on the
/// grain object (the baseline): the ratio is what the runtime costs per call.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class GrainCallBenchmarks
{
    private TestSilo silo = null!;
    private IBenchGrain reference = null!;
    private IBenchGrain direct = null!;

    [GlobalSetup]
    public void Setup()
    {
        silo = TestSilo.StartAsync(o => o.GrainAssemblies.Add(typeof(BenchGrain).Assembly)).GetAwaiter().GetResult();
        reference = silo.GetGrain<IBenchGrain>("bench");
        reference.Increment().GetAwaiter().GetResult();
        direct = (IBenchGrain)silo.Management.GetActivationInstance(reference.GetGrainId())!;
    }

    [GlobalCleanup]
    public void Cleanup() => silo.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark(Baseline = true)]
    public Task<int> DirectInterfaceCall() => direct.Increment();

    [Benchmark]
    public Task<int> CallThroughReference() => reference.Increment();
}
