namespace PeerLink.Grains.Messages;

/// <summary>What a sender is told once their message is stored: its place in the order, and when it was sent.</summary>
public sealed record MessageAck(long Seq, DateTimeOffset SentAt);

/// <summary>One message as stored in a conversation's or a group room's log; its number is its place in the log.</summary>
/// <param name="Pseudonym">The sender's pseudonym when they sent it; rooms show it, conversations know their two people.</param>
public sealed record StoredMessage(string SenderId, string Pseudonym, string Text, DateTimeOffset SentAt);

public sealed record ChatMessage(long Seq, string SenderId, string Pseudonym, string Text, DateTimeOffset SentAt);

/// <param name="HasMore">Whether more messages follow the last one in this page.</param>
public sealed record MessagePage(IReadOnlyList<ChatMessage> Messages, bool HasMore);
