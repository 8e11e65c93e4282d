using PeerLink.Grains.Logs;


namespace PeerLink.Grains.Messages;

/// <summary>Paging through a message log, the same for conversations and group rooms.</summary>
public static class MessageHistory
{
    public const int DefaultPageSize = 100;
    public const int MaxPageSize = 500;

    public static async Task<MessagePage> ReadPageAsync(IPersistentLog<StoredMessage> log, long after, int limit)
    {
        ValidatePage(after, limit);

        // One more than asked for tells whether anything follows, without a second round trip.
        var entries = await log.ReadAsync(after, limit + 1);
        return new MessagePage(
            [.. entries.Take(limit).Select(e => ToChat(e))],
            entries.Count > limit);
    }

    /// <summary>Every entry after <paramref name="after"/>, read a page at a time so a long log never sits in memory whole.</summary>
    public static async IAsyncEnumerable<LogEntry<StoredMessage>> ReadAllAsync(IPersistentLog<StoredMessage> log, long after = 0)
    {
        while (true)
        {
            var page = await log.ReadAsync(after, MaxPageSize);
            foreach (var entry in page)
            {
                yield return entry;
            }

            if (page.Count < MaxPageSize)
            {
                yield break;
            }

            after = page[^1].Seq;
        }
    }

    /// <summary>The messages one person wrote, for their data export; never anyone else's.</summary>
    public static async Task<IReadOnlyList<ChatMessage>> ReadOwnAsync(IPersistentLog<StoredMessage> log, string personId)
    {
        var own = new List<ChatMessage>();
        await foreach (var entry in ReadAllAsync(log))
        {
            if (entry.Value.SenderId == personId)
            {
                own.Add(ToChat(entry));
            }
        }

        return own;
    }

    /// <summary>Takes the words out of every message one person wrote, keeping numbers and order; returns the numbers changed.</summary>
    public static async Task<IReadOnlyList<long>> RemoveOwnAsync(IPersistentLog<StoredMessage> log, string personId, string why)
    {
        var removed = new List<long>();
        await foreach (var entry in ReadAllAsync(log))
        {
            if (entry.Value.SenderId == personId && entry.Value.Removed is null)
            {
                await log.ReplaceAsync(entry.Seq, entry.Value.AsRemoved(why));
                removed.Add(entry.Seq);
            }
        }

        return removed;
    }

    public static void ValidatePage(long after, int limit)
    {
        if (after < 0)
        {
            throw new RuleViolationException("after-invalid", "'after' is a message number: 0 for the start, or the last number you have.");
        }

        if (limit is < 1 or > MaxPageSize)
        {
            throw new RuleViolationException("limit-invalid", $"'limit' is from 1 to {MaxPageSize}.");
        }
    }

    public static ChatMessage ToChat(LogEntry<StoredMessage> e) => new(
        e.Seq,
        e.Value.SenderId,
        e.Value.Pseudonym,
        e.Value.Removed is null ? e.Value.Text : StoredMessage.RemovedText,
        e.Value.SentAt,
        e.Value.Removed);
}
