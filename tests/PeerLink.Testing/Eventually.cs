using System.Diagnostics;

namespace PeerLink.Testing;

/// <summary>Waits for a condition with a deadline instead of sleeping a fixed time.</summary>
/// <remarks>Deadlines run on <see cref="Stopwatch"/>, not the wall clock, so a clock that is set while a test waits cannot end the wait early or stretch it.</remarks>
public static class Eventually
{
    public static readonly TimeSpan DefaultDeadline = TimeSpan.FromSeconds(10);

    public static Task TrueAsync(Func<bool> condition, string what, TimeSpan? deadline = null) =>
        TrueAsync(() => Task.FromResult(condition()), what, deadline);

    public static async Task TrueAsync(Func<Task<bool>> condition, string what, TimeSpan? deadline = null)
    {
        var limit = deadline ?? DefaultDeadline;
        var waited = Stopwatch.StartNew();
        while (!await condition())
        {
            if (waited.Elapsed > limit)
            {
                throw new TimeoutException($"Still not true after {limit}: {what}");
            }

            await Task.Delay(10);
        }
    }

    /// <summary>Retries while <paramref name="action"/> throws <typeparamref name="TException"/>; after the deadline the last failure goes through.</summary>
    public static async Task SucceedsAsync<TException>(Func<Task> action, TimeSpan deadline)
        where TException : Exception
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                await action();
                return;
            }
            catch (TException) when (waited.Elapsed < deadline)
            {
                await Task.Delay(100);
            }
        }
    }
}
