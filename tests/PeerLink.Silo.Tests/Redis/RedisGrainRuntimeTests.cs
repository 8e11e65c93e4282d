using PeerLink.Silo.Storage;
using PeerLink.Silo.Tests.Grains;

namespace PeerLink.Silo.Tests.Redis;

/// <summary>The runtime on Redis storage: state across restarts and crashes, and two silos on one Redis.</summary>
[Collection(RedisCollection.Name)]
public sealed class RedisGrainRuntimeTests(RedisFixture redis)
{
    private Task<TestSilo> StartAsync(string serviceId, ManualTimeProvider? clock = null) =>
        SiloFactory.StartAsync(o =>
        {
            o.RedisConnectionString = redis.ConnectionString;
            o.ServiceId = serviceId;
            if (clock is not null)
            {
                o.TimeProvider = clock;
            }
        });

    [Fact]
    public async Task State_written_before_a_crash_is_there_after_the_restart()
    {
        await using var silo = await StartAsync($"crash-{Guid.NewGuid():N}");
        await silo.GetGrain<ICounterGrain>("c").Add(41);
        await silo.GetGrain<ICounterGrain>("c").Add(1);

        await silo.CrashAndRestartAsync();

        Assert.Equal(42, await silo.GetGrain<ICounterGrain>("c").Get());
    }

    [Fact]
    public async Task Log_entries_acknowledged_before_a_crash_are_all_there_in_order_after_the_restart()
    {
        await using var silo = await StartAsync($"log-crash-{Guid.NewGuid():N}");
        var journal = silo.GetGrain<IJournalGrain>("j");
        var seqs = new List<long>();
        for (var i = 1; i <= 50; i++)
        {
            seqs.Add(await journal.Write($"m{i}"));
        }

        await silo.CrashAndRestartAsync();

        Assert.Equal(Enumerable.Range(1, 50).Select(i => (long)i), seqs);
        var read = await silo.GetGrain<IJournalGrain>("j").ReadAfter(0);
        Assert.Equal(Enumerable.Range(1, 50).Select(i => $"{i}:m{i}:{$"m{i}".Length}"), read);
        Assert.Equal(51, await silo.GetGrain<IJournalGrain>("j").Write("after restart"));
    }

    [Fact]
    public async Task State_is_stored_in_the_Orleans_layout()
    {
        var serviceId = $"layout-{Guid.NewGuid():N}";
        await using var silo = await StartAsync(serviceId);

        await silo.GetGrain<ICounterGrain>("c").Add(3);

        var stored = await redis.Inspector.HashGetAllAsync($"{serviceId}/state/counter/c/counter");
        Assert.Equal(["data", "etag"], stored.Select(e => (string)e.Name!).Order());
        Assert.Equal("{\"value\":3}", (string)stored.Single(e => e.Name == "data").Value!);
    }

    [Fact]
    public async Task An_ETag_conflict_between_two_silos_on_one_Redis_is_caught_and_the_loser_reloads()
    {
        var serviceId = $"two-silos-{Guid.NewGuid():N}";
        await using var first = await StartAsync(serviceId);
        await using var second = await StartAsync(serviceId);
        await first.GetGrain<ICounterGrain>("shared").Get();
        await second.GetGrain<ICounterGrain>("shared").Get();

        await first.GetGrain<ICounterGrain>("shared").Add(1);
        var conflict = await Assert.ThrowsAsync<InconsistentStateException>(() => second.GetGrain<ICounterGrain>("shared").Add(10));

        Assert.Null(conflict.CurrentEtag);
        Assert.NotNull(conflict.StoredEtag);
        await Eventually.TrueAsync(() => second.Management.ActivationCount == 0, "the loser deactivated");
        Assert.Equal(1, await second.GetGrain<ICounterGrain>("shared").Get());
        Assert.Equal(11, await second.GetGrain<ICounterGrain>("shared").Add(10));
    }

    [Fact]
    public async Task A_reminder_fires_after_a_restart()
    {
        var clock = new ManualTimeProvider();
        await using var silo = await StartAsync($"reminder-{Guid.NewGuid():N}", clock);
        await silo.GetGrain<IReminderGrain>("r").Remind("check-in", TimeSpan.FromHours(1), TimeSpan.FromDays(1));

        await silo.CrashAndRestartAsync();
        clock.Advance(TimeSpan.FromMinutes(61));

        await Eventually.TrueAsync(() => silo.Log().Count("reminded r check-in") == 1, "the reminder fired after the restart");
    }

    [Fact]
    public async Task A_reminder_that_fell_due_while_the_silo_was_down_fires_at_start_up()
    {
        var clock = new ManualTimeProvider();
        await using var silo = await StartAsync($"missed-{Guid.NewGuid():N}", clock);
        await silo.GetGrain<IReminderGrain>("r").Remind("check-in", TimeSpan.FromHours(1), TimeSpan.FromDays(1));
        await silo.DisposeAsync();

        clock.Advance(TimeSpan.FromHours(3));
        await using var restarted = await StartAsync(silo.Options.ServiceId, clock);
        clock.Advance(TimeSpan.Zero); // the manual clock fires timers due "now" only when told to move

        await Eventually.TrueAsync(() => restarted.Log().Count("reminded r check-in") == 1, "the missed tick was delivered");
    }
}
