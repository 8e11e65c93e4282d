namespace PeerLink.Silo.Storage;

/// <summary>
/// Grain storage in process memory with the same semantics as Redis: state is kept as JSON and
/// copied on every read and write, so no grain ever shares an object with the store.
/// </summary>
public sealed class MemoryGrainStorage(MemoryStore store) : IGrainStorage, IStorageHealthProbe
{
    public string Name => "memory";

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => CompletedTask.From(() =>
    {
        var stored = store.ReadState(stateName, grainId);
        if (stored is null)
        {
            grainState.ETag = null;
            grainState.RecordExists = false;
            return;
        }

        grainState.State = GrainStateSerializer.Deserialize<T>(stored.Data, stateName, grainId);
        grainState.ETag = stored.ETag;
        grainState.RecordExists = true;
    });

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => CompletedTask.From(() =>
    {
        var next = new StoredState(ETags.New(), GrainStateSerializer.Serialize(grainState.State));
        Swap("write", stateName, grainId, grainState.ETag, next);
        grainState.ETag = next.ETag;
        grainState.RecordExists = true;
    });

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => CompletedTask.From(() =>
    {
        Swap("clear", stateName, grainId, grainState.ETag, next: null);
        grainState.ETag = null;
        grainState.RecordExists = false;
    });

    public Task PingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void Swap(string operation, string stateName, GrainId grainId, string? expectedETag, StoredState? next)
    {
        if (!store.TrySwapState(stateName, grainId, expectedETag, next, out var storedETag))
        {
            throw StateConflict.Exception(operation, stateName, grainId, storedETag, expectedETag);
        }
    }
}
