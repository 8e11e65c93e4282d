using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PeerLink.Silo.Hosting;
using PeerLink.Silo.Runtime;

namespace PeerLink.Silo.Reminders;

/// <summary>
/// Fires durable reminders. Every reminder is written to the <see cref="IReminderTable"/> before it is
/// armed, and the table is read back at start-up, so a reminder survives a restart. A tick that fell due
/// while no silo ran is delivered once, promptly, at start-up: delivery is at least once.
/// </summary>
internal sealed class ReminderService(
    IReminderTable table,
    GrainRuntime runtime,
    IOptions<SiloOptions> options,
    TimeProvider timeProvider,
    ILogger<ReminderService> logger) : IDisposable
{
    private static readonly TimeSpan MaxTimerWait = TimeSpan.FromDays(14);

    private readonly Dictionary<(GrainId GrainId, string Name), LocalReminder> local = [];
    private ITimer? refreshTimer;
    private volatile bool stopped;

    public async Task StartAsync()
    {
        await RefreshAsync();
        var every = options.Value.ReminderRefreshPeriod;
        refreshTimer = timeProvider.CreateTimer(static s => _ = ((ReminderService)s!).RefreshAsync(), this, every, every);
    }

    public void Dispose()
    {
        stopped = true;
        refreshTimer?.Dispose();
        lock (local)
        {
            foreach (var reminder in local.Values)
            {
                reminder.Timer.Dispose();
            }

            local.Clear();
        }
    }

    public async Task<IGrainReminder> RegisterOrUpdateAsync(Grain grain, string reminderName, TimeSpan dueTime, TimeSpan period)
    {
        if (grain is not IRemindable)
        {
            throw new InvalidOperationException($"{grain.GetType().Name} must implement IRemindable to register reminders.");
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(reminderName);
        ArgumentOutOfRangeException.ThrowIfLessThan(dueTime, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(period, TimeSpan.Zero);

        var entry = new ReminderEntry(grain.GrainContext.GrainId, reminderName, timeProvider.GetUtcNow() + dueTime, period);
        var eTag = await table.UpsertRowAsync(entry);
        Arm(entry with { ETag = eTag }, entry.StartAt);
        return new GrainReminder(reminderName);
    }

    public async Task UnregisterAsync(GrainId grainId, string reminderName)
    {
        var stored = await table.ReadRowAsync(grainId, reminderName);
        if (stored?.ETag is { } eTag && !await table.RemoveRowAsync(grainId, reminderName, eTag))
        {
            throw new InvalidOperationException($"Reminder '{reminderName}' of grain {grainId} changed while it was being removed; try again.");
        }

        Disarm(grainId, reminderName);
    }

    public async Task<IGrainReminder?> GetAsync(GrainId grainId, string reminderName) =>
        await table.ReadRowAsync(grainId, reminderName) is { } entry ? new GrainReminder(entry.ReminderName) : null;

    /// <summary>Brings the armed reminders in line with the table: new or changed rows are armed, removed rows disarmed.</summary>
    private async Task RefreshAsync()
    {
        try
        {
            var rows = await table.ReadAllAsync();
            var now = timeProvider.GetUtcNow();
            var seen = new HashSet<(GrainId, string)>();
            foreach (var row in rows)
            {
                seen.Add((row.GrainId, row.ReminderName));
                bool known;
                lock (local)
                {
                    known = local.TryGetValue((row.GrainId, row.ReminderName), out var armed) && armed.Entry.ETag == row.ETag;
                }

                if (!known)
                {
                    Arm(row, row.StartAt > now ? row.StartAt : now);
                }
            }

            lock (local)
            {
                foreach (var key in local.Keys.Where(k => !seen.Contains(k)).ToList())
                {
                    local.Remove(key, out var gone);
                    gone?.Timer.Dispose();
                }
            }
        }
        catch (Exception e) when (!stopped)
        {
            logger.LogWarning(e, "Reading the reminder table failed; armed reminders keep running and the next refresh tries again");
        }
    }

    private void Arm(ReminderEntry entry, DateTimeOffset nextTick)
    {
        if (stopped)
        {
            return;
        }

        var reminder = new LocalReminder(entry, this);
        reminder.Timer = timeProvider.CreateTimer(static s => _ = ((LocalReminder)s!).FireAsync(), reminder, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        lock (local)
        {
            if (local.Remove((entry.GrainId, entry.ReminderName), out var replaced))
            {
                replaced.Timer.Dispose();
            }

            local[(entry.GrainId, entry.ReminderName)] = reminder;
        }

        ArmAt(reminder, nextTick);
    }

    private void ArmAt(LocalReminder reminder, DateTimeOffset tick)
    {
        reminder.NextTick = tick;
        var due = tick - timeProvider.GetUtcNow();

        // A timer cannot wait longer than about 49 days; a later tick is reached in hops.
        reminder.Timer.Change(due < TimeSpan.Zero ? TimeSpan.Zero : due > MaxTimerWait ? MaxTimerWait : due, Timeout.InfiniteTimeSpan);
    }

    private Task OnTimerAsync(LocalReminder reminder)
    {
        if (timeProvider.GetUtcNow() < reminder.NextTick)
        {
            ArmAt(reminder, reminder.NextTick);
            return Task.CompletedTask;
        }

        return FireAsync(reminder);
    }

    private void Disarm(GrainId grainId, string reminderName)
    {
        lock (local)
        {
            if (local.Remove((grainId, reminderName), out var reminder))
            {
                reminder.Timer.Dispose();
            }
        }
    }

    private async Task FireAsync(LocalReminder reminder)
    {
        var entry = reminder.Entry;
        try
        {
            var target = runtime.GetGrain<IRemindable>(entry.GrainId);
            await target.ReceiveReminder(entry.ReminderName, new TickStatus(entry.StartAt, entry.Period, reminder.NextTick));
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Reminder '{ReminderName}' of {GrainId} failed", entry.ReminderName, entry.GrainId);
        }

        lock (local)
        {
            if (stopped || !local.TryGetValue((entry.GrainId, entry.ReminderName), out var current) || !ReferenceEquals(current, reminder))
            {
                return;
            }
        }

        var now = timeProvider.GetUtcNow();
        var elapsedPeriods = Math.Floor((now - entry.StartAt) / entry.Period) + 1;
        ArmAt(reminder, entry.StartAt + (entry.Period * Math.Max(1, elapsedPeriods)));
    }

    private sealed class LocalReminder(ReminderEntry entry, ReminderService service)
    {
        public ReminderEntry Entry { get; } = entry;

        public ITimer Timer { get; set; } = null!;

        public DateTimeOffset NextTick { get; set; }

        public Task FireAsync() => service.OnTimerAsync(this);
    }

    private sealed record GrainReminder(string ReminderName) : IGrainReminder;
}
