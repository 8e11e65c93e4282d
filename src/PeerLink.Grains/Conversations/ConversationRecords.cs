namespace PeerLink.Grains.Conversations;

[GenerateSerializer, Alias("peerlink.conversation-status")]
public enum ConversationStatus
{
    NotStarted,
    Active,
    Ended,
}

/// <summary>Everything a conversation is started with, by the matchmaker that matched the pair.</summary>
[GenerateSerializer, Immutable, Alias("peerlink.conversation-start")]
public sealed record ConversationStart(
    [Id(0)] string RequestId,
    [Id(1)] string SeekerId,
    [Id(2)] string SeekerPseudonym,
    [Id(3)] string PeerId,
    [Id(4)] string PeerPseudonym,
    [Id(5)] string Language,
    [Id(6)] IReadOnlyList<string> SeekerIdentities,
    [Id(7)] string Reason);

/// <param name="Rating">1 (not helpful) to 5 (very helpful).</param>
/// <param name="TalkAgain">Whether this person would like to talk with the same partner again.</param>
[GenerateSerializer, Immutable, Alias("peerlink.feedback")]
public sealed record Feedback([Id(0)] int Rating, [Id(1)] bool TalkAgain);

[GenerateSerializer, Immutable, Alias("peerlink.conversation-info")]
public sealed record ConversationInfo(
    [Id(0)] string ConversationId,
    [Id(1)] ConversationStatus Status,
    [Id(2)] string SeekerId,
    [Id(3)] string SeekerPseudonym,
    [Id(4)] string PeerId,
    [Id(5)] string PeerPseudonym,
    [Id(6)] string Reason,
    [Id(7)] IReadOnlyList<string> SeekerIdentities,
    [Id(8)] string Language,
    [Id(9)] DateTimeOffset StartedAt,
    [Id(10)] DateTimeOffset? EndedAt,
    [Id(11)] string? EndedBy,
    [Id(12)] IReadOnlyDictionary<string, Feedback> Feedback);

public sealed class ConversationState
{
    public ConversationStatus Status { get; set; }

    public ConversationStart? Start { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset? EndedAt { get; set; }

    public string? EndedBy { get; set; }

    public Dictionary<string, Feedback> Feedback { get; set; } = [];

    /// <summary>Moderators who joined after a call or an alert, by id, with their pseudonyms.</summary>
    public Dictionary<string, string> Moderators { get; set; } = [];

    /// <summary>When retention cleared the messages; the conversation itself, without them, stays.</summary>
    public DateTimeOffset? TranscriptPurgedAt { get; set; }
}
