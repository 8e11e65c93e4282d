using PeerLink.Silo.Tests.Grains;
using PeerLink.Silo.Tests.Redis;

namespace PeerLink.Silo.Tests.Hosting;

/// <summary>Grain state on Orleans' Redis storage, as PeerLink configures it.</summary>
[Collection(RedisCollection.Name)]
public sealed class GrainStateTests(RedisFixture redis)
{
    private Task<TestSilo> StartAsync(string? serviceId = null) => TestSilo.StartAsync(o =>
    {
        o.RedisConnectionString = redis.ConnectionString;
        o.ServiceId = serviceId ?? RedisFixture.NewServiceId();
    });

    [Fact]
    public async Task State_written_before_a_crash_is_there_after_the_restart()
    {
        await using var silo = await StartAsync();
        await silo.GetGrain<ICounterGrain>("c").Add(41);
        await silo.GetGrain<ICounterGrain>("c").Add(1);

        await silo.CrashAndRestartAsync();

        Assert.Equal(42, await silo.GetGrain<ICounterGrain>("c").Get());
    }

    [Fact]
    public async Task State_is_plain_json_in_the_Orleans_layout_with_no_type_names()
    {
        var serviceId = RedisFixture.NewServiceId();
        await using var silo = await StartAsync(serviceId);

        await silo.GetGrain<ICounterGrain>("c").Add(3);

        var stored = await redis.Inspector.HashGetAllAsync($"{serviceId}/state/counter/c/counter");
        Assert.Equal(["data", "etag"], stored.Select(e => (string)e.Name!).Order());
        Assert.Equal("{\"value\":3}", (string)stored.Single(e => e.Name == "data").Value!);
    }

    [Fact]
    public async Task An_ETag_conflict_between_two_silos_on_one_Redis_fails_the_call_and_the_loser_reads_state_afresh()
    {
        var serviceId = RedisFixture.NewServiceId();
        await using var first = await StartAsync(serviceId);
        await using var second = await StartAsync(serviceId);
        await first.GetGrain<ICounterGrain>("shared").Get();
        await second.GetGrain<ICounterGrain>("shared").Get();

        await first.GetGrain<ICounterGrain>("shared").Add(1);
        await Assert.ThrowsAnyAsync<Exception>(() => second.GetGrain<ICounterGrain>("shared").Add(10));

        // The loser kept 10 in memory that storage never took; it must not serve it.
        await Eventually.TrueAsync(async () => await second.GetGrain<ICounterGrain>("shared").Get() == 1, "the loser read state afresh");
        Assert.Equal(11, await second.GetGrain<ICounterGrain>("shared").Add(10));
    }

    [Fact]
    public async Task A_write_that_fails_while_Redis_is_down_is_not_served_afterwards_and_storage_works_again_by_itself()
    {
        await using var server = await RedisServer.StartNewAsync(appendOnly: true);
        await using var silo = await TestSilo.StartAsync(o => o.RedisConnectionString = server.ConnectionString);
        var counter = silo.GetGrain<ICounterGrain>("c");
        await counter.Add(1);

        await server.StopAsync();
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => counter.Add(5).WaitAsync(TimeSpan.FromSeconds(20)));
        await server.StartAsync();

        Assert.IsNotType<TimeoutException>(failure);
        await Eventually.TrueAsync(async () =>
        {
            try
            {
                return await counter.Get() == 1;
            }
            catch (Exception e) when (e is not TimeoutException)
            {
                // Reading state afresh fails until the connection is back.
                return false;
            }
        }, "the counter is read afresh from Redis once it is back", TimeSpan.FromSeconds(30));
        Assert.Equal(3, await counter.Add(2));
    }
}
