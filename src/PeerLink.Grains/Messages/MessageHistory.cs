using PeerLink.Silo;

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
