using PeerLink.Silo.Tests.Grains;

namespace PeerLink.Silo.Tests.Runtime;

public sealed class TimeoutTests
{
    [Fact]
    public async Task A_call_that_outlasts_the_response_timeout_fails_naming_the_grain_and_method()
    {
        var clock = new ManualTimeProvider();
        await using var silo = await SiloFactory.StartAsync(o =>
        {
            o.TimeProvider = clock;
            o.ConfigureSilo = s => s.ResponseTimeout = TimeSpan.FromSeconds(30);
        });
        var faulty = silo.GetGrain<IFaultyGrain>("slow");

        var call = faulty.Hang();
        clock.Advance(TimeSpan.FromSeconds(29));
        Assert.False(call.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(2));

        var error = await Assert.ThrowsAsync<TimeoutException>(() => call);
        Assert.Contains("IFaultyGrain.Hang", error.Message, StringComparison.Ordinal);
        Assert.Contains("faulty/slow", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_default_response_timeout_is_thirty_seconds()
    {
        Assert.Equal(TimeSpan.FromSeconds(30), new Hosting.SiloOptions().ResponseTimeout);
        var clock = new ManualTimeProvider();
        await using var silo = await SiloFactory.StartAsync(o => o.TimeProvider = clock);

        var call = silo.GetGrain<IFaultyGrain>("slow").Hang();
        clock.Advance(TimeSpan.FromSeconds(31));

        await Assert.ThrowsAsync<TimeoutException>(() => call);
    }

    [Fact]
    public async Task A_TimeoutException_thrown_by_the_grain_itself_passes_through_unchanged()
    {
        await using var silo = await SiloFactory.StartAsync();

        var error = await Assert.ThrowsAsync<TimeoutException>(() => silo.GetGrain<IFaultyGrain>("own").ThrowTimeout());

        Assert.Equal("the grain's own timeout", error.Message);
    }
}
