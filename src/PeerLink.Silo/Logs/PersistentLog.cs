using Orleans.Storage;
using PeerLink.Grains.Logs;

namespace PeerLink.Silo.Logs;

/// <summary>
/// A grain's <see cref="IPersistentLog{TEntry}"/>: entries go through the silo's grain-storage serializer (plain
/// JSON, as grain state) into the log storage named by the grain's <see cref="PersistentLogAttribute"/>.
/// </summary>
internal sealed class PersistentLog<TEntry>(GrainId grainId, string logName, ILogStorage storage, IGrainStorageSerializer serializer) : IPersistentLog<TEntry>
{
    public Task<long> AppendAsync(TEntry entry) => storage.AppendAsync(logName, grainId, serializer.Serialize(entry).ToMemory());

    public async Task<IReadOnlyList<LogEntry<TEntry>>> ReadAsync(long after, int max)
    {
        var stored = await storage.ReadAsync(logName, grainId, after, max);
        return [.. stored.Select(e => new LogEntry<TEntry>(e.Seq, Deserialize(e)))];
    }

    public Task<long> GetLengthAsync() => storage.GetLengthAsync(logName, grainId);

    public Task ReplaceAsync(long seq, TEntry entry) => storage.ReplaceAsync(logName, grainId, seq, serializer.Serialize(entry).ToMemory());

    public Task ClearAsync() => storage.ClearAsync(logName, grainId);

    private TEntry Deserialize(StoredLogEntry entry) =>
        serializer.Deserialize<TEntry>(new BinaryData(entry.Data))
            ?? throw new LogStorageException($"Entry {entry.Seq} of log '{logName}' of grain {grainId} is empty.");
}
