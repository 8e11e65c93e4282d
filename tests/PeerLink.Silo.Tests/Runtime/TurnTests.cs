using PeerLink.Silo.Tests.Grains;

namespace PeerLink.Silo.Tests.Runtime;

public sealed class TurnTests
{
    [Fact]
    public async Task Requests_run_one_at_a_time_to_completion_in_arrival_order()
    {
        await using var silo = await SiloFactory.StartAsync();
        var sequence = silo.GetGrain<ISequenceGrain>("s");

        var calls = Enumerable.Range(0, 100).Select(sequence.Record).ToArray();
        await Task.WhenAll(calls);
        var entries = await sequence.GetEntries();

        var expected = Enumerable.Range(0, 100).SelectMany(i => new[] { $"start {i}", $"end {i}" });
        Assert.Equal(expected, entries);
    }

    [Fact]
    public async Task A_call_chain_that_comes_back_into_a_grain_completes_instead_of_deadlocking()
    {
        await using var silo = await SiloFactory.StartAsync(o => o.ConfigureSilo = s => s.ResponseTimeout = TimeSpan.FromSeconds(5));

        var result = await silo.GetGrain<IChainGrain>("A").CallThroughAndBack("B");

        Assert.Equal("B->A", result);
    }

    [Fact]
    public async Task A_request_from_another_call_chain_waits_for_the_running_turn()
    {
        await using var silo = await SiloFactory.StartAsync(o => o.ConfigureSilo = s => s.ResponseTimeout = TimeSpan.FromSeconds(2));
        var gate = silo.GetGrain<IGateGrain>("g");

        var waiting = gate.WaitForGate();
        await Eventually.TrueAsync(() => gate.IsWaiting(), "the first request is waiting at the gate");
        var opening = gate.OpenGate();

        // The opener queues behind the waiter, so neither can finish: the caller's timeout says so.
        await Assert.ThrowsAsync<TimeoutException>(() => opening);
        await Assert.ThrowsAsync<TimeoutException>(() => waiting);
    }

    [Fact]
    public async Task An_AlwaysInterleave_method_runs_while_another_request_holds_the_grain()
    {
        await using var silo = await SiloFactory.StartAsync(o => o.ConfigureSilo = s => s.ResponseTimeout = TimeSpan.FromSeconds(2));
        var gate = silo.GetGrain<IGateGrain>("g");

        var waiting = gate.WaitForGate();

        await Eventually.TrueAsync(() => gate.IsWaiting(), "IsWaiting answers while WaitForGate holds the grain");
        Assert.False(waiting.IsCompleted);
    }

    [Fact]
    public async Task A_reentrant_grain_lets_a_later_request_run_while_an_earlier_one_awaits()
    {
        await using var silo = await SiloFactory.StartAsync(o => o.ConfigureSilo = s => s.ResponseTimeout = TimeSpan.FromSeconds(5));
        var gate = silo.GetGrain<IReentrantGateGrain>("r");

        var waiting = gate.WaitForGate();
        await gate.OpenGate();

        await waiting;
    }
}
