namespace PeerLink.Grains.Conversations;

public enum ConversationStatus
{
    NotStarted,
    Active,
    Ended,
}

/// <summary>Everything a conversation is started with, by the matchmaker that matched the pair.</summary>
public sealed record ConversationStart(
    string RequestId,
    string SeekerId,
    string SeekerPseudonym,
    string PeerId,
    string PeerPseudonym,
    string Language,
    IReadOnlyList<string> SeekerIdentities,
    string Reason);

/// <param name="Rating">1 (not helpful) to 5 (very helpful).</param>
/// <param name="TalkAgain">Whether this person would like to talk with the same partner again.</param>
public sealed record Feedback(int Rating, bool TalkAgain);

public sealed record ConversationInfo(
    string ConversationId,
    ConversationStatus Status,
    string SeekerId,
    string SeekerPseudonym,
    string PeerId,
    string PeerPseudonym,
    string Reason,
    IReadOnlyList<string> SeekerIdentities,
    string Language,
    DateTimeOffset StartedAt,
    DateTimeOffset? EndedAt,
    string? EndedBy,
    IReadOnlyDictionary<string, Feedback> Feedback);

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
