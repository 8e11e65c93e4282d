using PeerLink.Silo.Timers;

namespace PeerLink.Silo.Tests.Grains;

/// <summary>A grain with a timer whose callback takes its time, to check ticks never overlap.</summary>
public interface ITickerGrain : IGrainWithStringKey
{
    Task Start(TimeSpan period);

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
