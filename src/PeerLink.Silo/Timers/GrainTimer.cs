using Microsoft.Extensions.Logging;
using PeerLink.Silo.Runtime;

namespace PeerLink.Silo.Timers;

/// <summary>
/// A timer that belongs to one activation. Each tick waits its turn like a request (unless Interleave),
/// and the next tick is armed only after the callback finishes, so ticks never overlap.
/// </summary>
internal sealed class GrainTimer : IGrainTimer
{
    private readonly ActivationData activation;
    private readonly GrainTimerCreationOptions options;
    private readonly Func<object, object?[], Task<VoidResult>> tick;
    private readonly CancellationTokenSource stopping = new();
    private readonly ITimer timer;
    private TimeSpan period;
    private volatile bool stopped;

    public GrainTimer(ActivationData activation, Func<CancellationToken, Task> callback, GrainTimerCreationOptions options)
    {
        this.activation = activation;
        this.options = options;
        tick = (_, _) => TaskAdapters.FromTask(callback(stopping.Token));
        timer = activation.Runtime.TimeProvider.CreateTimer(static s => ((GrainTimer)s!).OnTimer(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        activation.AddTimer(this);
        Change(options.DueTime, options.Period);
    }

    public void Change(TimeSpan dueTime, TimeSpan period)
    {
        ObjectDisposedException.ThrowIf(stopped, this);
        this.period = period;
        timer.Change(dueTime, Timeout.InfiniteTimeSpan);
    }

    public void Dispose()
    {
        Stop();
        activation.RemoveTimer(this);
    }

    /// <summary>Stops the timer for good; called at deactivation.</summary>
    internal void Stop()
    {
        stopped = true;
        timer.Dispose();
        stopping.Cancel();
    }

    private void OnTimer()
    {
        if (!stopped)
        {
            _ = TickAsync();
        }
    }

    private async Task TickAsync()
    {
        try
        {
            if (!await activation.RunIfActiveAsync(tick, options.Interleave, options.KeepAlive))
            {
                return;
            }
        }
        catch (Exception e)
        {
            activation.Runtime.Logger.LogWarning(e, "A timer callback of {GrainId} failed", activation.GrainId);
        }

        if (!stopped && period != Timeout.InfiniteTimeSpan && period > TimeSpan.Zero)
        {
            try
            {
                timer.Change(period, Timeout.InfiniteTimeSpan);
            }
            catch (ObjectDisposedException)
            {
                // Stopped between the check and the change: nothing left to arm.
            }
        }
    }
}
