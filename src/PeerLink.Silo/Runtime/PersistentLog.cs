using PeerLink.Silo.Storage;

namespace PeerLink.Silo.Runtime;

/// <summary>Binds a grain's <see cref="IPersistentLog{TEntry}"/> to a log provider, with the same JSON as grain state.</summary>
internal sealed class PersistentLog<TEntry>(ActivationData activation, string logName, ILogStorage storage) : IPersistentLog<TEntry>
{
    public async Task<long> AppendAsync(TEntry entry)
    {
        var seq = await storage.AppendAsync(logName, activation.GrainId, GrainStateSerializer.Serialize(entry));
        activation.Runtime.Metrics.StorageWrite();
        return seq;
    }

    public async Task<IReadOnlyList<LogEntry<TEntry>>> ReadAsync(long after, int max)
    {
        var stored = await storage.ReadAsync(logName, activation.GrainId, after, max);
        activation.Runtime.Metrics.StorageRead();
        return [.. stored.Select(e => new LogEntry<TEntry>(e.Seq, GrainStateSerializer.Deserialize<TEntry>(e.Data, $"{logName}#{e.Seq}", activation.GrainId)))];
    }

    public Task<long> GetLengthAsync() => storage.GetLengthAsync(logName, activation.GrainId);

    public async Task ReplaceAsync(long seq, TEntry entry)
    {
        await storage.ReplaceAsync(logName, activation.GrainId, seq, GrainStateSerializer.Serialize(entry));
        activation.Runtime.Metrics.StorageWrite();
    }

    public async Task ClearAsync()
    {
        await storage.ClearAsync(logName, activation.GrainId);
        activation.Runtime.Metrics.StorageWrite();
    }
}
