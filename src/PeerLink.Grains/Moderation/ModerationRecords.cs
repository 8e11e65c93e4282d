using PeerLink.Grains.Safety;

namespace PeerLink.Grains.Moderation;

/// <summary>High risk in a message: every on-duty moderator hears of it at once, with where it was said.</summary>
/// <param name="Rule">The deciding rule ("en:high:kill-myself"), for moderators only.</param>
[GenerateSerializer, Immutable, Alias("peerlink.crisis-alert")]
public sealed record CrisisAlert(
    [Id(0)] string AlertId,
    [Id(1)] string? ConversationId,
    [Id(2)] string? GroupId,
    [Id(3)] long Seq,
    [Id(4)] string SenderId,
    [Id(5)] string Pseudonym,
    [Id(6)] RiskLevel Level,
    [Id(7)] string Excerpt,
    [Id(8)] string? Rule,
    [Id(9)] DateTimeOffset RaisedAt);

/// <summary>A participant asked for a moderator to join their one-to-one conversation.</summary>
[GenerateSerializer, Immutable, Alias("peerlink.moderator-call")]
public sealed record ModeratorCall([Id(0)] string CallId, [Id(1)] string ConversationId, [Id(2)] string CallerId, [Id(3)] string CallerPseudonym, [Id(4)] string? Reason, [Id(5)] DateTimeOffset CalledAt);

[GenerateSerializer, Alias("peerlink.report-category")]
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
/// <param name="Pseudonym">The reported person's pseudonym, so moderators see who without looking it up.</param>
/// <param name="Excerpt">A reported message's words as stored (contacts already masked).</param>
[GenerateSerializer, Immutable, Alias("peerlink.report-target")]
public sealed record ReportTarget([Id(0)] string? PersonId, [Id(1)] string? ConversationId, [Id(2)] string? GroupId, [Id(3)] long? Seq, [Id(4)] string? Pseudonym = null, [Id(5)] string? Excerpt = null);

[GenerateSerializer, Immutable, Alias("peerlink.report")]
public sealed record Report(
    [Id(0)] string ReportId,
    [Id(1)] string ReporterId,
    [Id(2)] ReportTarget Target,
    [Id(3)] ReportCategory Category,
    [Id(4)] string? Note,
    [Id(5)] DateTimeOffset FiledAt,
    [Id(6)] string? ClosedBy = null,
    [Id(7)] string? Outcome = null,
    [Id(8)] DateTimeOffset? ClosedAt = null);

/// <summary>One moderation action, kept for good: who did what to whom, why and when.</summary>
/// <param name="Detail">What the action changed, such as the text of a deleted message, kept for audit.</param>
[GenerateSerializer, Immutable, Alias("peerlink.audit-entry")]
public sealed record AuditEntry([Id(0)] string ModeratorId, [Id(1)] string Action, [Id(2)] string TargetKind, [Id(3)] string TargetId, [Id(4)] string? Reason, [Id(5)] DateTimeOffset At, [Id(6)] string? Detail = null);

[GenerateSerializer, Immutable, Alias("peerlink.moderation-dashboard")]
public sealed record ModerationDashboard(
    [Id(0)] IReadOnlyList<CrisisAlert> OpenAlerts,
    [Id(1)] IReadOnlyList<ModeratorCall> OpenCalls,
    [Id(2)] IReadOnlyList<Report> OpenReports,
    [Id(3)] IReadOnlyList<string> OnDuty);
