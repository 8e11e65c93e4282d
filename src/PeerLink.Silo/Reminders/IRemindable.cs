namespace PeerLink.Silo.Reminders;

/// <summary>A grain that can receive durable reminders.</summary>
public interface IRemindable : IGrain
{
    Task ReceiveReminder(string reminderName, TickStatus status);
}

/// <param name="FirstTickTime">When the reminder was first due.</param>
/// <param name="Period">Its period.</param>
/// <param name="CurrentTickTime">When this tick was due. After downtime it can be well before now.</param>
public readonly record struct TickStatus(DateTimeOffset FirstTickTime, TimeSpan Period, DateTimeOffset CurrentTickTime);

public interface IGrainReminder
{
    string ReminderName { get; }
}
