namespace PeerLink.Silo.Hosting;

/// <summary>Looks into and steers the running silo, for operators, tests and benchmarks (Orleans' IManagementGrain, in-process).</summary>
public interface ISiloManagement
{
    int ActivationCount { get; }

    /// <summary>Starts deactivating every activation idle for at least <paramref name="ageLimit"/>; returns how many.</summary>
    int ForceActivationCollection(TimeSpan ageLimit);

    /// <summary>The grain object behind an active grain, or null. For diagnostics and benchmarks: calls must go through references.</summary>
    object? GetActivationInstance(GrainId grainId);

    /// <summary>Completes when the grain has no activation any more.</summary>
    Task WhenDeactivatedAsync(GrainId grainId);
}
