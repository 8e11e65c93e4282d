using PeerLink.Silo.Tests.Grains;

namespace PeerLink.Silo.Tests.Runtime;

public sealed class ReminderTests
{
    [Fact]
    public async Task A_reminder_fires_at_its_due_time_and_then_every_period_until_unregistered()
    {
        var clock = new ManualTimeProvider();
        await using var silo = await SiloFactory.StartAsync(o => o.TimeProvider = clock);
        var grain = silo.GetGrain<IReminderGrain>("periodic");
        await grain.Remind("ping", TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(10));

        clock.Advance(TimeSpan.FromMinutes(4));
        Assert.Equal(0, silo.Log().Count("reminded periodic ping"));
        clock.Advance(TimeSpan.FromMinutes(1));
        await Eventually.TrueAsync(() => silo.Log().Count("reminded periodic ping") == 1, "first tick");
        clock.Advance(TimeSpan.FromMinutes(10));
        await Eventually.TrueAsync(() => silo.Log().Count("reminded periodic ping") == 2, "second tick");

        await grain.Forget("ping");
        clock.Advance(TimeSpan.FromMinutes(30));

        Assert.False(await grain.Has("ping"));
        Assert.Equal(2, silo.Log().Count("reminded periodic ping"));
    }

    [Fact]
    public async Task A_reminder_due_months_away_fires_on_time_although_a_timer_cannot_wait_that_long()
    {
        var clock = new ManualTimeProvider();
        await using var silo = await SiloFactory.StartAsync(o => o.TimeProvider = clock);

        await silo.GetGrain<IReminderGrain>("far").Remind("due", TimeSpan.FromDays(90), TimeSpan.FromDays(365));
        for (var day = 0; day < 89; day++)
        {
            clock.Advance(TimeSpan.FromDays(1));
        }

        Assert.Equal(0, silo.Log().Count("reminded far due"));
        clock.Advance(TimeSpan.FromDays(1));
        await Eventually.TrueAsync(() => silo.Log().Count("reminded far due") == 1, "the tick 90 days out");
    }

    [Fact]
    public async Task A_reminder_wakes_a_grain_that_was_collected()
    {
        var clock = new ManualTimeProvider();
        await using var silo = await SiloFactory.StartAsync(o => o.TimeProvider = clock);
        await silo.GetGrain<IReminderGrain>("sleeper").Remind("wake", TimeSpan.FromHours(2), TimeSpan.FromDays(1));

        clock.Advance(TimeSpan.FromMinutes(30));
        await Eventually.TrueAsync(() => silo.Management.ActivationCount == 0, "collected while idle");
        clock.Advance(TimeSpan.FromMinutes(91));

        await Eventually.TrueAsync(() => silo.Log().Count("reminded sleeper wake") == 1, "the reminder activated it");
    }

    [Fact]
    public async Task A_reminder_with_a_non_positive_period_is_rejected()
    {
        await using var silo = await SiloFactory.StartAsync();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => silo.GetGrain<IReminderGrain>("bad").Remind("x", TimeSpan.Zero, TimeSpan.Zero));

        Assert.False(await silo.GetGrain<IReminderGrain>("bad").Has("x"));
    }
}
