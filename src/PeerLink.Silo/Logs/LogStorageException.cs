namespace PeerLink.Silo.Logs;

/// <summary>The log's store could not be reached or refused the command; nothing was appended or changed.</summary>
/// <remarks>Serializable, so it reaches a caller in another process as itself, and the edge can answer 503.</remarks>
[GenerateSerializer, Alias("peerlink.log-storage-exception")]
public sealed class LogStorageException : Exception
{
    public LogStorageException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
