namespace PeerLink.Silo.Storage;

internal static class StateConflict
{
    /// <summary>The rejection every provider gives when a write or clear met an ETag other than the one it held.</summary>
    public static InconsistentStateException Exception(string operation, string stateName, GrainId grainId, string? storedETag, string? expectedETag) =>
        new($"Cannot {operation} state '{stateName}' of grain {grainId}: it changed since this activation last read or wrote it.", storedETag, expectedETag);
}
