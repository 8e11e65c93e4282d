using PeerLink.Silo.Timers;

namespace PeerLink.Silo.Tests.Grains;

/// <summary>A grain with a timer whose callback takes its time, to check ticks never overlap.</summary>
public interface ITickerGrain : IGrainWithStringKey
{
    /// <summary>Starts a timer whose callback takes 20 ms of real time.</summary>
    Task Start(TimeSpan period);

    /// <summary>Starts a timer whose callback completes at once, so under a manual clock every tick runs inside Advance.</summary>
    Task StartQuick(TimeSpan period);

    Task<int> GetTicks();

    Task<int> GetMaxConcurrentTicks();
}

public sealed class TickerGrain(GrainLog log) : Grain, ITickerGrain
{
    private IGrainTimer? timer;
    private int ticks;
    private int running;
    private int maxConcurrent;

    public Task Start(TimeSpan period)
    {
        timer = RegisterGrainTimer(OnTick, new GrainTimerCreationOptions(period, period));
        return Task.CompletedTask;
    }

    public Task StartQuick(TimeSpan period)
    {
        timer = RegisterGrainTimer(_ =>
        {
            ticks++;
            log.Add($"quick tick {GetPrimaryKeyString()}");
            return Task.CompletedTask;
        }, new GrainTimerCreationOptions(period, period));
        return Task.CompletedTask;
    }

    public Task<int> GetTicks() => Task.FromResult(ticks);

    public Task<int> GetMaxConcurrentTicks() => Task.FromResult(maxConcurrent);

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        log.Add($"ticker {GetPrimaryKeyString()} deactivated after {ticks} ticks");
        return Task.CompletedTask;
    }

    private async Task OnTick(CancellationToken cancellationToken)
    {
        maxConcurrent = Math.Max(maxConcurrent, ++running);
        log.Add($"tick {GetPrimaryKeyString()}");
        await Task.Delay(20, CancellationToken.None);
        ticks++;
        running--;
        log.Add($"tick done {GetPrimaryKeyString()}");
    }
}
