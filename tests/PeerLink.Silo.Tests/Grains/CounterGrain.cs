namespace PeerLink.Silo.Tests.Grains;

public interface ICounterGrain : IGrainWithStringKey
{
    Task<int> Add(int amount);

    Task<int> Get();

    ValueTask<int> GetValue();

    ValueTask Reset();

    /// <summary>The identity of the grain object, to tell activations apart.</summary>
    Task<Guid> GetActivationId();
}

public sealed class CounterState
{
    public int Value { get; set; }
}

public sealed class CounterGrain(
    [PersistentState("counter")] IPersistentState<CounterState> counter,
    GrainLog log) : Grain, ICounterGrain
{
    private readonly Guid activationId = Guid.NewGuid();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        log.Add($"activate {GetPrimaryKeyString()} value={counter.State.Value}");
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        log.Add($"deactivate {GetPrimaryKeyString()} {reason.ReasonCode}");
        return Task.CompletedTask;
    }

    public async Task<int> Add(int amount)
    {
        counter.State.Value += amount;
        await counter.WriteStateAsync();
        return counter.State.Value;
    }

    public Task<int> Get() => Task.FromResult(counter.State.Value);

    public ValueTask<int> GetValue() => ValueTask.FromResult(counter.State.Value);

    public async ValueTask Reset() => await counter.ClearStateAsync();

    public Task<Guid> GetActivationId() => Task.FromResult(activationId);
}
