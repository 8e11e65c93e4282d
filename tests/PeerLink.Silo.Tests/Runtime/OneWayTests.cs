using PeerLink.Silo.Tests.Grains;

namespace PeerLink.Silo.Tests.Runtime;

public sealed class OneWayTests
{
    [Fact]
    public async Task A_one_way_call_returns_at_once_even_while_the_grain_is_busy_and_runs_in_its_turn()
    {
        await using var silo = await SiloFactory.StartAsync(o => o.ConfigureSilo = s => s.ResponseTimeout = TimeSpan.FromSeconds(2));
        var busy = silo.GetGrain<IGateGrain>("busy");
        _ = busy.WaitForGate();
        await Eventually.TrueAsync(() => busy.IsWaiting(), "the grain is held");

        var knock = busy.Knock();

        Assert.True(knock.IsCompletedSuccessfully);
        var idle = silo.GetGrain<IGateGrain>("idle");
        await idle.Knock();
        await idle.Knock();
        await Eventually.TrueAsync(async () => await idle.GetKnocks() == 2, "both knocks ran on the idle grain");
    }

    public interface IBadOneWayGrain : IGrainWithStringKey
    {
        [OneWay]
        Task<int> Answer();
    }

    public sealed class BadOneWayGrain : Grain, IBadOneWayGrain
    {
        public Task<int> Answer() => Task.FromResult(42);
    }

    [Fact]
    public async Task A_one_way_method_that_returns_a_value_is_rejected()
    {
        await using var silo = await SiloFactory.StartAsync();

        var error = Assert.Throws<InvalidOperationException>(() => silo.GetGrain<IBadOneWayGrain>("x"));

        Assert.Contains("[OneWay]", error.Message, StringComparison.Ordinal);
    }
}
