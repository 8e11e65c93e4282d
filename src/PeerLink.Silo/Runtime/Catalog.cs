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

    /// <summary>
    /// Finds the activation, or creates one that holds the slot but has not started activating: the creator
    /// queues its own request first and then calls <see cref="ActivationData.StartActivation"/>, so an
    /// activation that fails at once still fails that request instead of leaving it to retry forever.
    /// </summary>
    public ActivationData GetOrCreate(GrainId grainId, GrainClassInfo classInfo, out bool created)
    {
        created = false;
        if (activations.TryGetValue(grainId, out var existing))
        {
            return existing;
        }

        var candidate = new ActivationData(runtime, classInfo, grainId);
        var winner = activations.GetOrAdd(grainId, candidate);
        created = ReferenceEquals(winner, candidate);
        return winner;
    }

    public bool TryGet(GrainId grainId, out ActivationData activation) =>
        activations.TryGetValue(grainId, out activation!);

    /// <summary>Frees the slot only if this very activation still holds it.</summary>
    public void Remove(ActivationData activation) =>
        activations.TryRemove(new KeyValuePair<GrainId, ActivationData>(activation.GrainId, activation));
}
