using PeerLink.Silo.Reminders;

namespace PeerLink.Silo.Tests.Grains;

public interface IReminderGrain : IGrainWithStringKey, IRemindable
{
    Task Remind(string name, TimeSpan dueTime, TimeSpan period);

    Task Forget(string name);

    Task<bool> Has(string name);
}

/// <summary>Logs every reminder tick as "reminded {key} {name}".</summary>
public sealed class ReminderGrain(GrainLog log) : Grain, IReminderGrain
{
    public Task Remind(string name, TimeSpan dueTime, TimeSpan period) => RegisterOrUpdateReminder(name, dueTime, period);

    public async Task Forget(string name)
    {
        if (await GetReminder(name) is { } reminder)
        {
            await UnregisterReminder(reminder);
        }
    }

    public async Task<bool> Has(string name) => await GetReminder(name) is not null;

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        log.Add($"reminded {GetPrimaryKeyString()} {reminderName}");
        return Task.CompletedTask;
    }
}
