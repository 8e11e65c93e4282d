namespace PeerLink.Silo.Storage;

/// <summary>
/// Runs synchronous work behind a Task-returning API so that failures surface when the task is
/// awaited, as they would from a real store, and never as a throw from the call itself.
/// </summary>
internal static class CompletedTask
{
    public static Task From(Action action)
    {
        try
        {
            action();
            return Task.CompletedTask;
        }
        catch (Exception e)
        {
            return Task.FromException(e);
        }
    }

    public static Task<T> From<T>(Func<T> function)
    {
        try
        {
            return Task.FromResult(function());
        }
        catch (Exception e)
        {
            return Task.FromException<T>(e);
        }
    }
}
