namespace PeerLink.Silo.Storage;

/// <summary>A write or clear whose ETag no longer matched the stored one: someone else wrote first.</summary>
public sealed class InconsistentStateException : Exception
{
    public InconsistentStateException(string message, string? storedEtag, string? currentEtag)
        : base($"{message} Stored ETag: '{storedEtag ?? "(none)"}', ETag held by the grain: '{currentEtag ?? "(none)"}'.")
    {
        StoredEtag = storedEtag;
        CurrentEtag = currentEtag;
    }

    /// <summary>The ETag in storage at the time of the failed write; null if no record exists.</summary>
    public string? StoredEtag { get; }

    /// <summary>The ETag the writer held, which no longer matched.</summary>
    public string? CurrentEtag { get; }
}
