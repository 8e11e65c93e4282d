using System.Collections.Concurrent;

namespace PeerLink.Silo.Runtime;

/// <summary>
/// The directory of live activations: at most one per grain id. A new activation takes its slot before it
/// starts activating, so racing first callers all queue on the same one.
/// </summary>
internal sealed class Catalog(GrainRuntime runtime)
{
    private readonly ConcurrentDictionary<GrainId, ActivationData> activations = new();

    public int Count => activations.Count;

    public ICollection<ActivationData> Activations => activations.Values;

    public ActivationData GetOrCreate(GrainId grainId, GrainClassInfo classInfo)
    {
        if (activations.TryGetValue(grainId, out var existing))
        {
            return existing;
        }

        var created = new ActivationData(runtime, classInfo, grainId);
        var winner = activations.GetOrAdd(grainId, created);
        if (ReferenceEquals(winner, created))
        {
            created.StartActivation();
        }

        return winner;
    }

    public bool TryGet(GrainId grainId, out ActivationData activation) =>
        activations.TryGetValue(grainId, out activation!);

    /// <summary>Frees the slot only if this very activation still holds it.</summary>
    public void Remove(ActivationData activation) =>
        activations.TryRemove(new KeyValuePair<GrainId, ActivationData>(activation.GrainId, activation));
}
