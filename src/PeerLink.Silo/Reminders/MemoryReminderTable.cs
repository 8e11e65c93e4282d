using PeerLink.Silo.Storage;

namespace PeerLink.Silo.Reminders;

/// <summary>Reminders in a <see cref="MemoryStore"/>, so they outlive a silo only as long as the store does.</summary>
public sealed class MemoryReminderTable(MemoryStore store) : IReminderTable
{
    public Task<IReadOnlyList<ReminderEntry>> ReadAllAsync() =>
        Task.FromResult<IReadOnlyList<ReminderEntry>>([.. store.Reminders.Values]);

    public Task<ReminderEntry?> ReadRowAsync(GrainId grainId, string reminderName) =>
        Task.FromResult(store.Reminders.GetValueOrDefault((grainId, reminderName)));

    public Task<string> UpsertRowAsync(ReminderEntry entry)
    {
        var eTag = ETags.New();
        store.Reminders[(entry.GrainId, entry.ReminderName)] = entry with { ETag = eTag };
        return Task.FromResult(eTag);
    }

    public Task<bool> RemoveRowAsync(GrainId grainId, string reminderName, string eTag)
    {
        var key = (grainId, reminderName);

        // Removing the exact entry read makes the check and the removal one atomic step.
        var removed = store.Reminders.TryGetValue(key, out var current)
            && current.ETag == eTag
            && store.Reminders.TryRemove(KeyValuePair.Create(key, current));
        return Task.FromResult(removed);
    }
}
