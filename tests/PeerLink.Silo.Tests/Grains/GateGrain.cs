namespace PeerLink.Silo.Tests.Grains;

/// <summary>
/// A request that waits until a later request opens the gate. Non-reentrant, the later request waits
/// behind the first and the pair never completes; reentrant, it runs and both complete.
/// </summary>
public interface IGateGrain : IGrainWithStringKey
{
    Task WaitForGate();

    Task OpenGate();

    [AlwaysInterleave]
    Task<bool> IsWaiting();

    /// <summary>Recorded once it gets its turn; the caller does not wait for that.</summary>
    [OneWay]
    Task Knock();

    Task<int> GetKnocks();
}

public sealed class GateGrain : Grain, IGateGrain
{
    private TaskCompletionSource gate = new();
    private bool waiting;
    private int knocks;

    public async Task WaitForGate()
    {
        waiting = true;
        await gate.Task;
        waiting = false;
        gate = new TaskCompletionSource();
    }

    public Task OpenGate()
    {
        gate.TrySetResult();
        return Task.CompletedTask;
    }

    public Task<bool> IsWaiting() => Task.FromResult(waiting);

    public Task Knock()
    {
        knocks++;
        return Task.CompletedTask;
    }

    public Task<int> GetKnocks() => Task.FromResult(knocks);
}

public interface IReentrantGateGrain : IGrainWithStringKey
{
    Task WaitForGate();

    Task OpenGate();
}

[Reentrant]
public sealed class ReentrantGateGrain : Grain, IReentrantGateGrain
{
    private readonly TaskCompletionSource gate = new();

    public Task WaitForGate() => gate.Task;

    public Task OpenGate()
    {
        gate.TrySetResult();
        return Task.CompletedTask;
    }
}
