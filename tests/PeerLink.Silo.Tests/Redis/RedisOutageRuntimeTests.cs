using PeerLink.Silo.Storage;
using PeerLink.Silo.Tests.Grains;

namespace PeerLink.Silo.Tests.Redis;

/// <summary>Grain calls while Redis is away and after it returns. A private server, since it is stopped.</summary>
public sealed class RedisOutageRuntimeTests : IAsyncLifetime
{
    private readonly RedisServer server = new(appendOnly: true);
    private TestSilo silo = null!;

    public async Task InitializeAsync()
    {
        await server.StartAsync();
        silo = await SiloFactory.StartAsync(o => o.RedisConnectionString = server.ConnectionString);
    }

    public async Task DisposeAsync()
    {
        await silo.DisposeAsync();
        await server.DisposeAsync();
    }

    [Fact]
    public async Task A_grain_call_fails_cleanly_while_Redis_is_down_and_works_again_after_it_returns()
    {
        var counter = silo.GetGrain<ICounterGrain>("outage");
        await counter.Add(5);

        await server.StopAsync();
        var failure = await Assert.ThrowsAsync<GrainStorageException>(() => counter.Add(1).WaitAsync(TimeSpan.FromSeconds(15)));
        var coldFailure = await Assert.ThrowsAsync<GrainStorageException>(() => silo.GetGrain<ICounterGrain>("cold").Get().WaitAsync(TimeSpan.FromSeconds(15)));
        await server.StartAsync();

        Assert.Contains("counter/outage", failure.Message, StringComparison.Ordinal);
        Assert.Contains("counter/cold", coldFailure.Message, StringComparison.Ordinal);
        await Eventually.SucceedsAsync<GrainStorageException>(() => counter.Get(), TimeSpan.FromSeconds(30));
        Assert.Equal(5, await counter.Get());
        Assert.Equal(6, await counter.Add(1));
        Assert.Equal(0, await silo.GetGrain<ICounterGrain>("cold").Get());
    }
}
