namespace PeerLink.Grains.Messages;

/// <summary>What a sender is told once their message is stored: its place in the order, and when it was sent.</summary>
public sealed record MessageAck(long Seq, DateTimeOffset SentAt);

/// <summary>One message as stored in a conversation's or a group room's log; its number is its place in the log.</summary>
/// <param name="Pseudonym">The sender's pseudonym when they sent it; rooms show it, conversations know their two people.</param>
/// <param name="Removed">Why the message no longer shows ("moderator", "account-deleted", "retention"); its text is then empty.</param>
public sealed record StoredMessage(string SenderId, string Pseudonym, string Text, DateTimeOffset SentAt, string? Removed = null)
{
    public const string RemovedText = "message removed";

    /// <summary>Why a message was removed: its writer deleted their account.</summary>
    public const string AccountDeleted = "account-deleted";

    /// <summary>Why a message was removed: it outlived the retention period.</summary>
    public const string Expired = "retention";

    /// <summary>The entry that takes a removed message's place: the number and sender stay, the words go.</summary>
    public StoredMessage AsRemoved(string why) => this with { Text = string.Empty, Removed = why };
}

/// <param name="Removed">Set when the message was removed; <see cref="Text"/> then says "message removed".</param>
public sealed record ChatMessage(long Seq, string SenderId, string Pseudonym, string Text, DateTimeOffset SentAt, string? Removed = null);

/// <param name="HasMore">Whether more messages follow the last one in this page.</param>
/// <param name="PurgedAt">When retention cleared this conversation's transcript; every page is empty from then on.</param>
public sealed record MessagePage(IReadOnlyList<ChatMessage> Messages, bool HasMore, DateTimeOffset? PurgedAt = null);
