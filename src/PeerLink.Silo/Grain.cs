using PeerLink.Silo.Reminders;
using PeerLink.Silo.Runtime;
using PeerLink.Silo.Timers;

namespace PeerLink.Silo;

/// <summary>
/// Base class of every grain, as in Orleans. The runtime creates instances on first call;
/// code never news one up.
/// </summary>
public abstract class Grain
{
    [ThreadStatic]
    private static ActivationData? constructing;

    private readonly ActivationData activation;

    protected Grain()
    {
        activation = constructing
            ?? throw new InvalidOperationException("Grains are created by the silo on their first call; get one with IGrainFactory.GetGrain<T>(key).");
    }

    public IGrainContext GrainContext => activation;

    protected IGrainFactory GrainFactory => activation.Runtime;

    protected IServiceProvider ServiceProvider => activation.Runtime.Services;

    /// <summary>The activation under construction on this thread; lets the constructor find its context without a parameter.</summary>
    internal static ActivationData? Constructing
    {
        get => constructing;
        set => constructing = value;
    }

    public string GetPrimaryKeyString() => activation.GrainId.Key;

    /// <summary>Runs after persistent state is loaded and before the first request.</summary>
    public virtual Task OnActivateAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Runs once no turn is running, before the activation is dropped. Timers are already stopped.</summary>
    public virtual Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Deactivates this activation after the current turn.</summary>
    protected void DeactivateOnIdle() =>
        activation.RequestDeactivation(new DeactivationReason(DeactivationReasonCode.ApplicationRequested, "DeactivateOnIdle was called."));

    /// <summary>Keeps idle collection away for at least this long.</summary>
    protected void DelayDeactivation(TimeSpan timeSpan) => activation.DelayDeactivation(timeSpan);

    /// <summary>
    /// Starts a timer owned by this activation. Its callback runs as a turn, ticks never overlap
    /// (the next period starts after the callback finishes), and it stops at deactivation.
    /// </summary>
    protected IGrainTimer RegisterGrainTimer<TState>(Func<TState, CancellationToken, Task> callback, TState state, GrainTimerCreationOptions options)
    {
        ArgumentNullException.ThrowIfNull(callback);
        return new GrainTimer(activation, ct => callback(state, ct), options);
    }

    protected IGrainTimer RegisterGrainTimer(Func<CancellationToken, Task> callback, GrainTimerCreationOptions options)
    {
        ArgumentNullException.ThrowIfNull(callback);
        return new GrainTimer(activation, callback, options);
    }

    /// <summary>
    /// Registers a durable reminder, or moves an existing one. It is stored before this returns, so it fires
    /// even after a restart; the grain must implement <see cref="IRemindable"/>.
    /// </summary>
    protected Task<IGrainReminder> RegisterOrUpdateReminder(string reminderName, TimeSpan dueTime, TimeSpan period) =>
        Reminders.RegisterOrUpdateAsync(this, reminderName, dueTime, period);

    protected Task UnregisterReminder(IGrainReminder reminder) =>
        Reminders.UnregisterAsync(activation.GrainId, reminder.ReminderName);

    protected Task<IGrainReminder?> GetReminder(string reminderName) =>
        Reminders.GetAsync(activation.GrainId, reminderName);

    private ReminderService Reminders => (ReminderService)activation.Runtime.Services.GetService(typeof(ReminderService))!;
}
