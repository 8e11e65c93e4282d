namespace PeerLink.Testing;

/// <summary>Waits for a condition with a deadline instead of sleeping a fixed time.</summary>
public static class Eventually
{
    public static readonly TimeSpan DefaultDeadline = TimeSpan.FromSeconds(10);

    public static Task TrueAsync(Func<bool> condition, string what, TimeSpan? deadline = null) =>
        TrueAsync(() => Task.FromResult(condition()), what, deadline);

    public static async Task TrueAsync(Func<Task<bool>> condition, string what, TimeSpan? deadline = null)
    {
        var until = DateTime.UtcNow + (deadline ?? DefaultDeadline);
        while (!await condition())
        {
            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"Still not true after {deadline ?? DefaultDeadline}: {what}");
            }

            await Task.Delay(10);
        }
    }

    /// <summary>Retries while <paramref name="action"/> throws <typeparamref name="TException"/>; after the deadline the last failure goes through.</summary>
    public static async Task SucceedsAsync<TException>(Func<Task> action, TimeSpan deadline)
        where TException : Exception
    {
        var until = DateTime.UtcNow + deadline;
        while (true)
        {
            try
            {
                await action();
                return;
            }
            catch (TException) when (DateTime.UtcNow < until)
            {
                await Task.Delay(100);
            }
        }
    }
}
