using PeerLink.Silo.Storage;
using PeerLink.Silo.Tests.Grains;

namespace PeerLink.Silo.Tests.Runtime;

public sealed class ActivationTests
{
    [Fact]
    public async Task Hundreds_of_concurrent_first_calls_leave_exactly_one_activation()
    {
        await using var silo = await SiloFactory.StartAsync();
        using var start = new ManualResetEventSlim();

        var callers = Enumerable.Range(0, 500).Select(_ => Task.Run(async () =>
        {
            start.Wait();
            return await silo.GetGrain<ICounterGrain>("cold").GetActivationId();
        })).ToArray();
        start.Set();
        var ids = await Task.WhenAll(callers);

        Assert.Single(ids.Distinct());
        Assert.Equal(1, silo.Log().Count("activate cold value=0"));
        Assert.Equal(1, silo.Management.ActivationCount);
    }

    [Fact]
    public async Task Persistent_state_is_loaded_before_OnActivateAsync()
    {
        await using var silo = await SiloFactory.StartAsync();
        await silo.GetGrain<ICounterGrain>("loaded").Add(7);
        await silo.RestartAsync();

        Assert.Equal(7, await silo.GetGrain<ICounterGrain>("loaded").Get());

        Assert.Contains("activate loaded value=7", silo.Log().Events);
    }

    [Fact]
    public async Task A_failed_activation_fails_the_call_and_is_not_kept()
    {
        await using var silo = await SiloFactory.StartAsync();
        silo.ActivationSwitch().FailActivation = true;

        var error = await Assert.ThrowsAsync<GrainFaultException>(() => silo.GetGrain<IFaultyGrain>("refuses").Ping());

        Assert.Contains("activation of refuses refused", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, silo.Management.ActivationCount);
        silo.ActivationSwitch().FailActivation = false;
        Assert.Equal("pong", await silo.GetGrain<IFaultyGrain>("refuses").Ping());
    }

    [Fact]
    public async Task Every_caller_queued_on_a_failing_activation_gets_its_error()
    {
        await using var silo = await SiloFactory.StartAsync();
        silo.ActivationSwitch().FailActivation = true;

        var calls = Enumerable.Range(0, 50).Select(_ => Task.Run(() => silo.GetGrain<IFaultyGrain>("refuses").Ping())).ToArray();

        foreach (var call in calls)
        {
            await Assert.ThrowsAsync<GrainFaultException>(() => call);
        }

        Assert.Equal(0, silo.Management.ActivationCount);
    }

    [Fact]
    public async Task State_that_cannot_be_read_fails_the_call_naming_the_grain_and_is_left_stored()
    {
        await using var silo = await SiloFactory.StartAsync();
        await silo.GetGrain<ICounterGrain>("corrupt").Add(1);
        await silo.RestartAsync();
        var grainId = new GrainId("counter", "corrupt");
        var store = silo.Options.MemoryStore;
        var stored = store.ReadState("counter", grainId)!;
        store.TrySwapState("counter", grainId, stored.ETag, stored with { Data = "{not json"u8.ToArray() }, out _);

        var error = await Assert.ThrowsAsync<GrainStorageException>(() => silo.GetGrain<ICounterGrain>("corrupt").Get());

        Assert.Contains("counter/corrupt", error.Message, StringComparison.Ordinal);
        Assert.Equal("{not json"u8.ToArray(), store.ReadState("counter", grainId)!.Data);
        Assert.Equal(0, silo.Management.ActivationCount);
    }
}
