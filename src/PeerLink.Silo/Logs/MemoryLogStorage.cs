namespace PeerLink.Silo.Logs;

/// <summary>
/// Logs in this process's memory, for the embedded default: numbered as in Redis, and entries are copied in and out,
/// so no caller shares bytes with the store. Gone when the process ends, like Orleans' memory grain storage.
/// </summary>
public sealed class MemoryLogStorage : ILogStorage
{
    private readonly Lock gate = new();
    private readonly Dictionary<(string LogName, GrainId GrainId), List<byte[]>> logs = [];

    public Task<long> AppendAsync(string logName, GrainId grainId, ReadOnlyMemory<byte> data) =>
        Task.FromResult(WithLog(logName, grainId, log =>
        {
            log.Add(data.ToArray());
            return (long)log.Count;
        }));

    public Task<IReadOnlyList<StoredLogEntry>> ReadAsync(string logName, GrainId grainId, long after, int max)
    {
        LogRange.Validate(after, max);
        return Task.FromResult(WithLog(logName, grainId, log =>
        {
            var from = (int)Math.Min(after, log.Count);
            var count = Math.Min(max, log.Count - from);
            return (IReadOnlyList<StoredLogEntry>)[.. log.GetRange(from, count).Select((data, i) => new StoredLogEntry(from + i + 1, data.ToArray()))];
        }));
    }

    public Task<long> GetLengthAsync(string logName, GrainId grainId) =>
        Task.FromResult(WithLog(logName, grainId, log => (long)log.Count));

    public Task ReplaceAsync(string logName, GrainId grainId, long seq, ReadOnlyMemory<byte> data) =>
        Task.FromResult(WithLog(logName, grainId, log =>
        {
            if (seq < 1 || seq > log.Count)
            {
                throw LogRange.NoSuchEntry(logName, grainId, seq);
            }

            log[(int)seq - 1] = data.ToArray();
            return seq;
        }));

    public Task ClearAsync(string logName, GrainId grainId) =>
        Task.FromResult(WithLog(logName, grainId, log =>
        {
            log.Clear();
            return 0L;
        }));

    private T WithLog<T>(string logName, GrainId grainId, Func<List<byte[]>, T> action)
    {
        lock (gate)
        {
            if (!logs.TryGetValue((logName, grainId), out var log))
            {
                logs[(logName, grainId)] = log = [];
            }

            return action(log);
        }
    }
}
