using PeerLink.Silo;

namespace PeerLink.Benchmarks;

public interface IBenchGrain : IGrainWithStringKey
{
    Task<int> Increment();
}

/// <summary>The smallest useful grain: its method completes synchronously, so a call measures the runtime alone.</summary>
public sealed class BenchGrain : Grain, IBenchGrain
{
    private int count;

    public Task<int> Increment() => Task.FromResult(++count);
}

public interface IBenchStateGrain : IGrainWithStringKey
{
    Task Save(int value);
}

public sealed class BenchState
{
    public int Value { get; set; }
}

/// <summary>Writes its state on every call, to measure storage through the runtime.</summary>
public sealed class BenchStateGrain([PersistentState("bench")] IPersistentState<BenchState> state) : Grain, IBenchStateGrain
{
    public Task Save(int value)
    {
        state.State.Value = value;
        return state.WriteStateAsync();
    }
}
