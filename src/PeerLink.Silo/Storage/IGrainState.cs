namespace PeerLink.Silo.Storage;

/// <summary>The state a storage provider reads into and writes from.</summary>
public interface IGrainState<T>
{
    T State { get; set; }

    /// <summary>The version last read or written; null when no record exists.</summary>
    string? ETag { get; set; }

    bool RecordExists { get; set; }
}

public sealed class GrainState<T>(T state) : IGrainState<T>
{
    public T State { get; set; } = state;

    public string? ETag { get; set; }

    public bool RecordExists { get; set; }
}
