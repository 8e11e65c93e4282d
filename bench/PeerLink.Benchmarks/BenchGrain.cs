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

/// <summary>The same method on a plain object: a direct interface call, the baseline a grain call is measured against.</summary>
public sealed class DirectCounter : IBenchGrain
{
    private int count;

    public Task<int> Increment() => Task.FromResult(++count);
}

public interface IBenchRelayGrain : IGrainWithStringKey
{
    /// <summary>Calls the bench grain <paramref name="target"/> this many times, one after another.</summary>
    Task<int> CallTarget(string target, int calls);
}

/// <summary>Calls another grain from inside a grain, so a benchmark can time grain-to-grain calls.</summary>
public sealed class BenchRelayGrain : Grain, IBenchRelayGrain
{
    public async Task<int> CallTarget(string target, int calls)
    {
        var grain = GrainFactory.GetGrain<IBenchGrain>(target);
        var last = 0;
        for (var i = 0; i < calls; i++)
        {
            last = await grain.Increment();
        }

        return last;
    }
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
