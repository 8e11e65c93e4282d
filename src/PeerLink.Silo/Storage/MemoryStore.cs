using System.Collections.Concurrent;
using PeerLink.Silo.Reminders;

namespace PeerLink.Silo.Storage;

/// <summary>
/// What the memory providers keep: grain state records, logs and reminders. It lives outside the silo,
/// so a test can hand the same store to a restarted silo and see what a durable store would keep.
/// </summary>
public sealed class MemoryStore
{
    private readonly Lock gate = new();
    private readonly Dictionary<(string StateName, GrainId GrainId), StoredState> states = [];
    private readonly Dictionary<(string LogName, GrainId GrainId), List<byte[]>> logs = [];

    internal ConcurrentDictionary<(GrainId GrainId, string ReminderName), ReminderEntry> Reminders { get; } = new();

    internal StoredState? ReadState(string stateName, GrainId grainId)
    {
        lock (gate)
        {
            return states.GetValueOrDefault((stateName, grainId));
        }
    }

    /// <summary>
    /// Replaces the record, or removes it when <paramref name="next"/> is null, if its ETag is still
    /// <paramref name="expectedETag"/> (null: no record). Otherwise changes nothing and returns false.
    /// </summary>
    /// <param name="storedETag">The ETag that was found, so a rejection can say what it met.</param>
    internal bool TrySwapState(string stateName, GrainId grainId, string? expectedETag, StoredState? next, out string? storedETag)
    {
        lock (gate)
        {
            storedETag = states.GetValueOrDefault((stateName, grainId))?.ETag;
            if (storedETag != expectedETag)
            {
                return false;
            }

            if (next is null)
            {
                states.Remove((stateName, grainId));
            }
            else
            {
                states[(stateName, grainId)] = next;
            }

            return true;
        }
    }

    /// <summary>Runs <paramref name="action"/> on one log under the store's lock; a missing log starts empty.</summary>
    internal T WithLog<T>(string logName, GrainId grainId, Func<List<byte[]>, T> action)
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

/// <summary>One stored state record: the bytes are never handed out, only copies deserialized from them.</summary>
internal sealed record StoredState(string ETag, byte[] Data);
