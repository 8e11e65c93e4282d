using Microsoft.Extensions.Logging;

namespace PeerLink.Silo.Runtime;

/// <summary>Deactivates activations that have had no calls for CollectionAge, checking every CollectionQuantum.</summary>
internal sealed class ActivationCollector(GrainRuntime runtime) : IDisposable
{
    private ITimer? timer;

    public void Start()
    {
        var quantum = runtime.Options.CollectionQuantum;
        timer = runtime.TimeProvider.CreateTimer(static s => ((ActivationCollector)s!).CollectIdle(), this, quantum, quantum);
    }

    /// <summary>Starts deactivating every idle activation older than the limit; returns how many.</summary>
    public int Collect(TimeSpan ageLimit)
    {
        var collected = 0;
        foreach (var activation in runtime.Catalog.Activations)
        {
            if (activation.TryCollect(ageLimit))
            {
                collected++;
            }
        }

        return collected;
    }

    public void Dispose() => timer?.Dispose();

    private void CollectIdle()
    {
        var collected = Collect(runtime.Options.CollectionAge);
        if (collected > 0)
        {
            runtime.Logger.LogDebug("Collecting {Count} idle activations", collected);
        }
    }
}
