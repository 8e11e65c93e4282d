namespace PeerLink.Silo.Reminders;

/// <summary>A durable reminder: which grain, its name, when it first fires and how often.</summary>
public sealed record ReminderEntry(GrainId GrainId, string ReminderName, DateTimeOffset StartAt, TimeSpan Period)
{
    /// <summary>The version of this entry in the table; null before it is stored.</summary>
    public string? ETag { get; init; }
}

/// <summary>Where reminders live so that they survive a restart. Shaped like Orleans' IReminderTable.</summary>
public interface IReminderTable
{
    Task<IReadOnlyList<ReminderEntry>> ReadAllAsync();

    Task<ReminderEntry?> ReadRowAsync(GrainId grainId, string reminderName);

    /// <summary>Inserts or replaces the entry and returns its new ETag.</summary>
    Task<string> UpsertRowAsync(ReminderEntry entry);

    /// <summary>Removes the entry if its ETag still matches; returns whether it was removed.</summary>
    Task<bool> RemoveRowAsync(GrainId grainId, string reminderName, string eTag);
}
