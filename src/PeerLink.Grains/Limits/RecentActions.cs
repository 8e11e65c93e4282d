namespace PeerLink.Grains.Limits;

/// <summary>
/// A sliding window per person: at most <c>limit</c> actions within <c>window</c>, else a refusal with a code. Kept by
/// the grain that owns the action; Orleans keeps one activation of a grain in the whole cluster, so the limit holds
/// across every node. Memory only: a restart forgets the window, which allows at most one more window's worth.
/// </summary>
internal sealed class RecentActions(TimeProvider time, int limit, TimeSpan window, string code, string message)
{
    // Past this many people, windows that have run out are swept, so one-off actors do not stay in memory.
    private const int SweepAbove = 1_000;

    private readonly Dictionary<string, Queue<DateTimeOffset>> recent = new(StringComparer.Ordinal);

    public int Limit => limit;

    /// <summary>Counts one action by <paramref name="personId"/>, or refuses it when they have had their <c>limit</c>.</summary>
    public void Take(string personId)
    {
        var now = time.GetUtcNow();
        if (!recent.TryGetValue(personId, out var times))
        {
            if (recent.Count >= SweepAbove)
            {
                Sweep(now);
            }

            recent[personId] = times = new Queue<DateTimeOffset>();
        }

        while (times.TryPeek(out var oldest) && now - oldest >= window)
        {
            times.Dequeue();
        }

        if (times.Count >= limit)
        {
            throw new RuleViolationException(code, message);
        }

        times.Enqueue(now);
    }

    private void Sweep(DateTimeOffset now)
    {
        foreach (var (personId, times) in recent)
        {
            // Removing while enumerating is allowed for Dictionary since .NET Core 3.0.
            if (times.Count == 0 || now - times.Last() >= window)
            {
                recent.Remove(personId);
            }
        }
    }
}
