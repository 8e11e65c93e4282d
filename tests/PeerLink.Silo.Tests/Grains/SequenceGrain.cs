namespace PeerLink.Silo.Tests.Grains;

/// <summary>Records when each request starts and ends, yielding in between, to expose interleaving.</summary>
public interface ISequenceGrain : IGrainWithStringKey
{
    Task Record(int number);

    Task<IReadOnlyList<string>> GetEntries();
}

public sealed class SequenceGrain : Grain, ISequenceGrain
{
    private readonly List<string> entries = [];
    private int running;

    public async Task Record(int number)
    {
        if (Interlocked.Increment(ref running) != 1)
        {
            entries.Add("overlap");
        }

        entries.Add($"start {number}");
        await Task.Yield();
        await Task.Delay(1);
        entries.Add($"end {number}");
        Interlocked.Decrement(ref running);
    }

    public Task<IReadOnlyList<string>> GetEntries() => Task.FromResult<IReadOnlyList<string>>(entries.ToList());
}
