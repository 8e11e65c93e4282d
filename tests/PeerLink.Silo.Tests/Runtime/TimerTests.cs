using PeerLink.Silo.Tests.Grains;

namespace PeerLink.Silo.Tests.Runtime;

public sealed class TimerTests
{
    [Fact]
    public async Task Timer_ticks_never_overlap_even_when_the_callback_outlasts_the_period()
    {
        await using var silo = await SiloFactory.StartAsync();
        var ticker = silo.GetGrain<ITickerGrain>("t");

        await ticker.Start(TimeSpan.FromMilliseconds(1));
        await Eventually.TrueAsync(async () => await ticker.GetTicks() >= 10, "ten ticks");

        Assert.Equal(1, await ticker.GetMaxConcurrentTicks());
    }

    [Fact]
    public async Task A_timer_stops_when_its_activation_deactivates()
    {
        var clock = new ManualTimeProvider();
        await using var silo = await SiloFactory.StartAsync(o => o.TimeProvider = clock);
        var ticker = silo.GetGrain<ITickerGrain>("stops");
        await ticker.Start(TimeSpan.FromMinutes(1));
        clock.Advance(TimeSpan.FromMinutes(1));
        await Eventually.TrueAsync(async () => await ticker.GetTicks() == 1, "one tick");

        silo.Management.ForceActivationCollection(TimeSpan.Zero);
        await Eventually.TrueAsync(() => silo.Management.ActivationCount == 0, "deactivated");
        var ticksSoFar = silo.Log().Count("tick stops");
        clock.Advance(TimeSpan.FromMinutes(10));

        Assert.Equal(1, ticksSoFar);
        Assert.Equal(1, silo.Log().Count("tick stops"));
        Assert.Equal(0, silo.Management.ActivationCount);
    }

    [Fact]
    public async Task Timer_ticks_do_not_keep_an_idle_activation_alive()
    {
        var clock = new ManualTimeProvider();
        await using var silo = await SiloFactory.StartAsync(o => o.TimeProvider = clock);
        await silo.GetGrain<ITickerGrain>("idle").StartQuick(TimeSpan.FromMinutes(1));

        clock.Advance(TimeSpan.FromMinutes(20));

        await Eventually.TrueAsync(() => silo.Management.ActivationCount == 0, "collected despite its timer");
        // Ticks at minutes 1 to 14; at minute 15 the collector, armed before the tick was last re-armed,
        // fires first and the deactivation stops the timer.
        Assert.Equal(14, silo.Log().Count("quick tick idle"));
    }
}
