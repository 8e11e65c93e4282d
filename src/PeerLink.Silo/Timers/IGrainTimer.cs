namespace PeerLink.Silo.Timers;

/// <summary>A timer owned by one activation. Disposing it stops it; deactivation stops it too.</summary>
public interface IGrainTimer : IDisposable
{
    /// <summary>Changes when the timer next fires and its period. Infinite period means one tick.</summary>
    void Change(TimeSpan dueTime, TimeSpan period);
}

public readonly record struct GrainTimerCreationOptions(TimeSpan DueTime, TimeSpan Period)
{
    /// <summary>Whether the callback may interleave with other requests. Default: it waits its turn.</summary>
    public bool Interleave { get; init; }

    /// <summary>Whether a tick counts as activity for idle collection. Default: it does not, as in Orleans.</summary>
    public bool KeepAlive { get; init; }
}
