using PeerLink.Silo.Tests.Grains;

namespace PeerLink.Silo.Tests.Runtime;

public sealed class IdleCollectionTests
{
    private static Task<TestSilo> StartWithManualClock(ManualTimeProvider clock) =>
        SiloFactory.StartAsync(o =>
        {
            o.TimeProvider = clock;
            o.ConfigureSilo = s =>
            {
                s.CollectionAge = TimeSpan.FromMinutes(15);
                s.CollectionQuantum = TimeSpan.FromMinutes(1);
            };
        });

    [Fact]
    public async Task An_activation_idle_for_CollectionAge_is_deactivated_and_the_next_call_reactivates_it_with_its_state()
    {
        var clock = new ManualTimeProvider();
        await using var silo = await StartWithManualClock(clock);
        var counter = silo.GetGrain<ICounterGrain>("idle");
        await counter.Add(4);
        var firstActivation = await counter.GetActivationId();

        clock.Advance(TimeSpan.FromMinutes(16));
        await Eventually.TrueAsync(() => silo.Management.ActivationCount == 0, "the idle activation is gone");

        Assert.Contains("deactivate idle ActivationIdle", silo.Log().Events);
        Assert.Equal(4, await counter.Get());
        Assert.NotEqual(firstActivation, await counter.GetActivationId());
    }

    [Fact]
    public async Task An_activation_that_keeps_getting_calls_is_not_collected()
    {
        var clock = new ManualTimeProvider();
        await using var silo = await StartWithManualClock(clock);
        var counter = silo.GetGrain<ICounterGrain>("busy");
        var activation = await counter.GetActivationId();

        for (var minute = 0; minute < 40; minute += 10)
        {
            clock.Advance(TimeSpan.FromMinutes(10));
            await counter.Add(1);
        }

        Assert.Equal(activation, await counter.GetActivationId());
        Assert.DoesNotContain(silo.Log().Events, e => e.StartsWith("deactivate busy", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_default_CollectionAge_is_fifteen_minutes()
    {
        Assert.Equal(TimeSpan.FromMinutes(15), new Hosting.SiloOptions().CollectionAge);
        var clock = new ManualTimeProvider();
        await using var silo = await SiloFactory.StartAsync(o => o.TimeProvider = clock);
        await silo.GetGrain<ICounterGrain>("default-age").Add(1);

        clock.Advance(TimeSpan.FromMinutes(14));
        Assert.Equal(1, silo.Management.ActivationCount);
        clock.Advance(TimeSpan.FromMinutes(2));

        await Eventually.TrueAsync(() => silo.Management.ActivationCount == 0, "collected after 16 idle minutes");
    }
}
