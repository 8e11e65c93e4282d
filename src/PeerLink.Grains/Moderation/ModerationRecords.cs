using PeerLink.Grains.Safety;

namespace PeerLink.Grains.Moderation;

/// <summary>High risk in a message: every on-duty moderator hears of it at once, with where it was said.</summary>
/// <param name="Rule">The deciding rule ("en:high:kill-myself"), for moderators only.</param>
public sealed record CrisisAlert(
    string AlertId,
    string? ConversationId,
    string? GroupId,
    long Seq,
    string SenderId,
    string Pseudonym,
    RiskLevel Level,
    string Excerpt,
    string? Rule,
    DateTimeOffset RaisedAt);

/// <summary>A participant asked for a moderator to join their one-to-one conversation.</summary>
public sealed record ModeratorCall(string CallId, string ConversationId, string CallerId, string CallerPseudonym, string? Reason, DateTimeOffset CalledAt);

public enum ReportCategory
{
    Harassment,
    Hate,
    Spam,
    SexualContent,
    PersonalInformation,
    SelfHarmRisk,
    Other,
}

/// <summary>What is reported: a message (by conversation or room, and its number) or a person.</summary>
public sealed record ReportTarget(string? PersonId, string? ConversationId, string? GroupId, long? Seq);

public sealed record Report(
    string ReportId,
    string ReporterId,
    ReportTarget Target,
    ReportCategory Category,
    string? Note,
    DateTimeOffset FiledAt,
    string? ClosedBy = null,
    string? Outcome = null,
    DateTimeOffset? ClosedAt = null);

/// <summary>One moderation action, kept for good: who did what to whom, why and when.</summary>
/// <param name="Detail">What the action changed, such as the text of a deleted message, kept for audit.</param>
public sealed record AuditEntry(string ModeratorId, string Action, string TargetKind, string TargetId, string? Reason, DateTimeOffset At, string? Detail = null);

public sealed record ModerationDashboard(
    IReadOnlyList<CrisisAlert> OpenAlerts,
    IReadOnlyList<ModeratorCall> OpenCalls,
    IReadOnlyList<Report> OpenReports,
    IReadOnlyList<string> OnDuty);
