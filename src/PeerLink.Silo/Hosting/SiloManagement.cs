using PeerLink.Silo.Runtime;

namespace PeerLink.Silo.Hosting;

internal sealed class SiloManagement(GrainRuntime runtime, ActivationCollector collector) : ISiloManagement
{
    public int ActivationCount => runtime.Catalog.Count;

    public int ForceActivationCollection(TimeSpan ageLimit) => collector.Collect(ageLimit);

    public object? GetActivationInstance(GrainId grainId) =>
        runtime.Catalog.TryGet(grainId, out var activation) ? activation.GrainInstance : null;

    public Task WhenDeactivatedAsync(GrainId grainId) =>
        runtime.Catalog.TryGet(grainId, out var activation) ? activation.Deactivated : Task.CompletedTask;
}
