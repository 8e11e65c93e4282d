namespace PeerLink.Silo.Logs;

/// <summary>Argument rules every log storage shares, so they fail alike.</summary>
internal static class LogRange
{
    public static void Validate(long after, int max)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(after);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
    }

    public static ArgumentOutOfRangeException NoSuchEntry(string logName, GrainId grainId, long seq) =>
        new(nameof(seq), seq, $"Log '{logName}' of grain {grainId} has no entry {seq}.");
}
