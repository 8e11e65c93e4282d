namespace PeerLink.Grains.Messages;

/// <summary>What a sender is told once their message is stored: its place in the order, and when it was sent.</summary>
[GenerateSerializer, Immutable, Alias("peerlink.message-ack")]
public sealed record MessageAck([Id(0)] long Seq, [Id(1)] DateTimeOffset SentAt);

/// <summary>One message as stored in a conversation's or a group room's log; its number is its place in the log.</summary>
/// <param name="Pseudonym">The sender's pseudonym when they sent it; rooms show it, conversations know their two people.</param>
/// <param name="Removed">Why the message no longer shows ("moderator", "account-deleted", "retention"); its text is then empty.</param>
[GenerateSerializer, Immutable, Alias("peerlink.stored-message")]
public sealed record StoredMessage([Id(0)] string SenderId, [Id(1)] string Pseudonym, [Id(2)] string Text, [Id(3)] DateTimeOffset SentAt, [Id(4)] string? Removed = null)
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
[GenerateSerializer, Immutable, Alias("peerlink.chat-message")]
public sealed record ChatMessage([Id(0)] long Seq, [Id(1)] string SenderId, [Id(2)] string Pseudonym, [Id(3)] string Text, [Id(4)] DateTimeOffset SentAt, [Id(5)] string? Removed = null);

/// <param name="HasMore">Whether more messages follow the last one in this page.</param>
/// <param name="PurgedAt">When retention cleared this conversation's transcript; every page is empty from then on.</param>
[GenerateSerializer, Immutable, Alias("peerlink.message-page")]
public sealed record MessagePage([Id(0)] IReadOnlyList<ChatMessage> Messages, [Id(1)] bool HasMore, [Id(2)] DateTimeOffset? PurgedAt = null);
