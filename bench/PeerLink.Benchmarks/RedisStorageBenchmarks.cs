using BenchmarkDotNet.Attributes;
using PeerLink.Testing;
using StackExchange.Redis;

namespace PeerLink.Benchmarks;

/// <summary>
/// Grain state writes to Redis from 64 grains at once, each writing one after another, through Orleans' Redis grain
/// storage as PeerLink configures it (System.Text.Json), against the baseline of 64 concurrent writers issuing plain
/// HSETs on their own connection to the same server. The ratio is what Orleans, JSON and the compare-and-set script
/// cost on top of Redis itself.
/// </summary>
[MedianColumn]
public class RedisStorageBenchmarks
{
    private const int ConcurrentGrains = 64;
    private const int WritesPerGrain = 20;
    private const int Writes = ConcurrentGrains * WritesPerGrain;

    private RedisServer server = null!;
    private BenchSilo silo = null!;
    private ConnectionMultiplexer raw = null!;
    private IBenchStateGrain[] grains = [];

    [GlobalSetup]
    public void Setup()
    {
        server = RedisServer.StartNewAsync().GetAwaiter().GetResult();
        silo = BenchSilo.Start(server.ConnectionString);
        raw = ConnectionMultiplexer.Connect(server.ConnectionString);
        grains = Enumerable.Range(0, ConcurrentGrains).Select(i => silo.Grains.GetGrain<IBenchStateGrain>($"w{i}")).ToArray();
        Task.WhenAll(grains.Select(g => g.Save(0))).GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        raw.Dispose();
        silo.Dispose();
        server.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Writes)]
    public Task RawHashSets()
    {
        var database = raw.GetDatabase();
        return Task.WhenAll(Enumerable.Range(0, ConcurrentGrains).Select(async i =>
        {
            for (var n = 0; n < WritesPerGrain; n++)
            {
                await database.HashSetAsync($"raw/{i}", [new HashEntry("etag", n), new HashEntry("data", "{\"value\":1}")]);
            }
        }));
    }

    [Benchmark(OperationsPerInvoke = Writes)]
    public Task GrainStateWrites() =>
        Task.WhenAll(grains.Select(async grain =>
        {
            for (var n = 0; n < WritesPerGrain; n++)
            {
                await grain.Save(n);
            }
        }));
}
