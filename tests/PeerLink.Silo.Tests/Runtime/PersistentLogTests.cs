using PeerLink.Silo.Tests.Grains;

namespace PeerLink.Silo.Tests.Runtime;

public sealed class PersistentLogTests
{
    [Fact]
    public async Task A_grain_log_numbers_entries_and_reads_them_back_after_a_given_number()
    {
        await using var silo = await SiloFactory.StartAsync();
        var journal = silo.GetGrain<IJournalGrain>("j");

        Assert.Equal(1, await journal.Write("hello"));
        Assert.Equal(2, await journal.Write("again"));

        Assert.Equal(["2:again:5"], await journal.ReadAfter(1));
    }

    [Fact]
    public async Task A_grain_log_outlives_its_activation_and_a_silo_restart()
    {
        await using var silo = await SiloFactory.StartAsync();
        await silo.GetGrain<IJournalGrain>("j").Write("kept");

        await silo.RestartAsync();

        Assert.Equal(["1:kept:4"], await silo.GetGrain<IJournalGrain>("j").ReadAfter(0));
    }
}
