namespace PeerLink.Silo.Storage;

/// <summary>Storage could not be reached, or held state that cannot be read. Nothing was written.</summary>
public sealed class GrainStorageException(string message, Exception? innerException = null)
    : Exception(message, innerException);
