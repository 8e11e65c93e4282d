namespace PeerLink.Load;

/// <summary>One run's shape. Every phase is bounded by these counts and durations, and each stops by itself.</summary>
internal sealed record LoadOptions
{
    public int Seekers { get; init; } = 4_500;

    public int Peers { get; init; } = 500;

    /// <summary>Seekers who ask for an identity no peer has, and so stay waiting while the others are matched.</summary>
    public int Waiting { get; init; } = 2_000;

    /// <summary>Messages a second over all conversations, for PeerLink and then for the bare echo hub.</summary>
    public double MessagesPerSecond { get; init; } = 2_000;

    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How fast matched seekers ask for a conversation.</summary>
    public double RequestsPerSecond { get; init; } = 100;

    public bool Baseline { get; init; } = true;

    /// <summary>Ask the server for a full collection before each timed phase (see <see cref="Scenario.HeapSettler"/>).</summary>
    public bool SettleHeap { get; init; } = true;

    /// <summary>A pause before memory is read, so the figure is of a settled server rather than one mid-burst.</summary>
    public TimeSpan Settle { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How often resident memory is read while messages flow.</summary>
    public TimeSpan SampleEvery { get; init; } = TimeSpan.FromSeconds(30);
}
