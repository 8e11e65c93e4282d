namespace PeerLink.Silo.Storage;

internal static class ETags
{
    /// <summary>
    /// A fresh random version. Never a counter: after a clear, a counter would restart and let a
    /// writer holding an old ETag overwrite a record it never read.
    /// </summary>
    public static string New() => Guid.NewGuid().ToString("N");
}
