namespace PeerLink.Grains.Logs;

/// <summary>
/// A grain's append-only, ordered log, such as its messages: entries are numbered from 1 and an append returns only
/// once storage holds the entry. Unlike <see cref="IPersistentState{TState}"/> nothing is loaded at activation;
/// entries are read on demand. Orleans has no such facet, so PeerLink.Silo provides it (docs/grains.md).
/// </summary>
public interface IPersistentLog<TEntry>
{
    /// <returns>The entry's sequence number.</returns>
    Task<long> AppendAsync(TEntry entry);

    /// <summary>Up to <paramref name="max"/> entries after sequence number <paramref name="after"/>, oldest first.</summary>
    Task<IReadOnlyList<LogEntry<TEntry>>> ReadAsync(long after, int max);

    /// <summary>The last sequence number; 0 while the log is empty.</summary>
    Task<long> GetLengthAsync();

    /// <summary>Rewrites one entry and keeps its number, for redaction.</summary>
    Task ReplaceAsync(long seq, TEntry entry);

    Task ClearAsync();
}

/// <summary>One entry of a log, with its number.</summary>
[GenerateSerializer, Immutable, Alias("peerlink.log-entry`1")]
public sealed record LogEntry<TEntry>([Id(0)] long Seq, [Id(1)] TEntry Value);
