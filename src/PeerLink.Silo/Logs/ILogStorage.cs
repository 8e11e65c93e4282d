namespace PeerLink.Silo.Logs;

/// <summary>
/// Where grain logs (<see cref="Grains.Logs.IPersistentLog{TEntry}"/>) live: one append-only, ordered list of entries
/// per grain and log name. Grain state is rewritten whole on every write; a log is appended to, so its cost per entry
/// stays flat however long it gets. Entries are numbered from 1 in the order they were appended, and an append
/// completes only once the store holds the entry.
/// </summary>
public interface ILogStorage
{
    /// <returns>The new entry's sequence number: the log's length after the append.</returns>
    Task<long> AppendAsync(string logName, GrainId grainId, ReadOnlyMemory<byte> data);

    /// <summary>Up to <paramref name="max"/> entries after sequence number <paramref name="after"/>, oldest first.</summary>
    Task<IReadOnlyList<StoredLogEntry>> ReadAsync(string logName, GrainId grainId, long after, int max);

    /// <summary>The sequence number of the last entry; 0 for an empty log.</summary>
    Task<long> GetLengthAsync(string logName, GrainId grainId);

    /// <summary>Rewrites one entry in place, keeping every sequence number (for redaction, never for edits).</summary>
    /// <exception cref="ArgumentOutOfRangeException">No entry has that sequence number.</exception>
    Task ReplaceAsync(string logName, GrainId grainId, long seq, ReadOnlyMemory<byte> data);

    /// <summary>Deletes the whole log; the next append is number 1 again.</summary>
    Task ClearAsync(string logName, GrainId grainId);
}

/// <summary>One entry as stored: its number and its bytes.</summary>
public sealed record StoredLogEntry(long Seq, ReadOnlyMemory<byte> Data);
