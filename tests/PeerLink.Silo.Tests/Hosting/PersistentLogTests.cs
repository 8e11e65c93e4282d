using PeerLink.Silo.Tests.Grains;
using PeerLink.Silo.Tests.Redis;

namespace PeerLink.Silo.Tests.Hosting;

/// <summary>The [PersistentLog] facet that PeerLink adds to Orleans, as grains see it.</summary>
[Collection(RedisCollection.Name)]
public sealed class PersistentLogTests(RedisFixture redis)
{
    [Fact]
    public async Task A_grain_log_numbers_entries_and_reads_them_back_after_a_given_number()
    {
        await using var silo = await TestSilo.StartAsync(_ => { });
        var journal = silo.GetGrain<IJournalGrain>("j");

        var seqs = new List<long> { await journal.Write("a"), await journal.Write("bb"), await journal.Write("ccc") };

        Assert.Equal([1L, 2L, 3L], seqs);

        Assert.Equal(["2:bb:2", "3:ccc:3"], await journal.ReadAfter(1));
    }

    [Fact]
    public async Task Log_entries_acknowledged_before_a_crash_are_all_there_in_order_after_the_restart_with_Redis()
    {
        await using var silo = await TestSilo.StartAsync(o => o.RedisConnectionString = redis.ConnectionString);
        var seqs = new List<long>();
        for (var i = 1; i <= 50; i++)
        {
            seqs.Add(await silo.GetGrain<IJournalGrain>("j").Write($"m{i}"));
        }

        await silo.CrashAndRestartAsync();

        Assert.Equal(Enumerable.Range(1, 50).Select(i => (long)i), seqs);
        var read = await silo.GetGrain<IJournalGrain>("j").ReadAfter(0);
        Assert.Equal(Enumerable.Range(1, 50).Select(i => $"{i}:m{i}:{$"m{i}".Length}"), read);
        Assert.Equal(51, await silo.GetGrain<IJournalGrain>("j").Write("after restart"));
    }

    [Fact]
    public async Task Concurrent_writers_to_one_grain_get_every_number_once_from_its_single_activation()
    {
        await using var silo = await TestSilo.StartAsync(o => o.RedisConnectionString = redis.ConnectionString);

        var seqs = await Task.WhenAll(Enumerable.Range(0, 300).Select(i => silo.GetGrain<IJournalGrain>("busy").Write($"m{i}")));

        Assert.Equal(Enumerable.Range(1, 300).Select(i => (long)i), seqs.Order());
    }

    [Fact]
    public async Task A_PersistentLog_parameter_of_another_type_fails_the_call_and_says_what_it_must_be()
    {
        await using var silo = await TestSilo.StartAsync(_ => { });

        var failure = await Assert.ThrowsAnyAsync<Exception>(() => silo.GetGrain<IMisdeclaredGrain>("m").Ping());

        Assert.Contains("must be an IPersistentLog", failure.ToString(), StringComparison.Ordinal);
    }
}
