using System.Collections.Concurrent;

namespace PeerLink.Load.Scenario;

/// <summary>Errors by kind, with the first message of each kind so a failed run says what went wrong.</summary>
internal sealed class ErrorLog
{
    private readonly ConcurrentDictionary<string, long> counts = new();
    private readonly ConcurrentDictionary<string, string> firstMessages = new();

    public long Total => counts.Values.Sum();

    public void Add(string kind, string message, long count = 1)
    {
        if (count <= 0)
        {
            return;
        }

        counts.AddOrUpdate(kind, count, (_, n) => n + count);
        firstMessages.TryAdd(kind, message);
    }

    public void Add(string kind, Exception error) => Add(kind, $"{error.GetType().Name}: {error.Message}");

    public IReadOnlyList<ErrorCount> Snapshot() =>
        [.. counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => new ErrorCount(c.Key, c.Value, firstMessages.GetValueOrDefault(c.Key, "")))];
}

internal sealed record ErrorCount(string Kind, long Count, string First);
