using System.Diagnostics;
using PeerLink.Silo.Storage;

namespace PeerLink.Silo.Tests.Storage;

internal static class Eventually
{
    /// <summary>Retries while storage reports that its store is away; after the deadline the last failure goes through.</summary>
    public static async Task SucceedsAsync(Func<Task> action, TimeSpan deadline)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                await action();
                return;
            }
            catch (GrainStorageException) when (clock.Elapsed < deadline)
            {
                await Task.Delay(100);
            }
        }
    }
}
