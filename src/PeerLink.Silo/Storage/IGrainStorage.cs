namespace PeerLink.Silo.Storage;

/// <summary>
/// A grain storage provider, shaped like Orleans' IGrainStorage. Writes and clears are
/// compare-and-set on <see cref="IGrainState{T}.ETag"/>: a mismatch throws <see cref="InconsistentStateException"/>.
/// Any other failure throws <see cref="GrainStorageException"/>.
/// </summary>
public interface IGrainStorage
{
    Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState);

    Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState);

    Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState);
}

/// <summary>A store whose reachability can be checked, for health endpoints.</summary>
public interface IStorageHealthProbe
{
    string Name { get; }

    /// <summary>Completes when the store answered; throws when it cannot be reached.</summary>
    Task PingAsync(CancellationToken cancellationToken);
}
