namespace PeerLink.Silo.Storage;

/// <summary>Logs in process memory, with the same numbering as Redis; entries are copied in and out.</summary>
public sealed class MemoryLogStorage(MemoryStore store) : ILogStorage
{
    public Task<long> AppendAsync(string logName, GrainId grainId, byte[] data) =>
        Task.FromResult(store.WithLog(logName, grainId, log =>
        {
            log.Add(data.ToArray());
            return (long)log.Count;
        }));

    public Task<IReadOnlyList<StoredLogEntry>> ReadAsync(string logName, GrainId grainId, long after, int max)
    {
        LogRange.Validate(after, max);
        return Task.FromResult(store.WithLog(logName, grainId, log =>
        {
            var from = (int)Math.Min(after, log.Count);
            var count = Math.Min(max, log.Count - from);
            return (IReadOnlyList<StoredLogEntry>)[.. log.GetRange(from, count).Select((data, i) => new StoredLogEntry(from + i + 1, data.ToArray()))];
        }));
    }

    public Task<long> GetLengthAsync(string logName, GrainId grainId) =>
        Task.FromResult(store.WithLog(logName, grainId, log => (long)log.Count));

    public Task ReplaceAsync(string logName, GrainId grainId, long seq, byte[] data) =>
        Task.FromResult(store.WithLog(logName, grainId, log =>
        {
            if (seq < 1 || seq > log.Count)
            {
                throw LogRange.NoSuchEntry(logName, grainId, seq);
            }

            log[(int)seq - 1] = data.ToArray();
            return seq;
        }));

    public Task ClearAsync(string logName, GrainId grainId) =>
        Task.FromResult(store.WithLog(logName, grainId, log =>
        {
            log.Clear();
            return 0L;
        }));
}
