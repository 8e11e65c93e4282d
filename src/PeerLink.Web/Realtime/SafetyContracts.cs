using PeerLink.Grains.Moderation;
using PeerLink.Grains.Safety;

namespace PeerLink.Web.Realtime;

// Safety and moderation parts of the hub's public contract (docs/api.md): add to it, never rename.
public sealed record ReportMessageArgs(string? ConversationId, string? GroupId, long Seq, ReportCategory Category, string? Note);

public sealed record ReportPersonArgs(string? PersonId, ReportCategory Category, string? Note, string? ConversationId, string? GroupId);

public sealed record ReportCreated(string ReportId);

public sealed record CallCreated(string CallId);

public sealed record CrisisResourcesMessage(string? ConversationId, string? GroupId, IReadOnlyList<CrisisLine> Resources);

public sealed record ReportClosedMessage(string ReportId, string Outcome);

public sealed record ModeratorJoinedMessage(string ConversationId, string ModeratorId, string Pseudonym);

/// <param name="Reason">"left", "call-resolved", "role-removed" or "account-deleted".</param>
public sealed record ModeratorLeftMessage(string ConversationId, string ModeratorId, string Pseudonym, string Reason);

public sealed record ModerationNoticeMessage(string Action, string? GroupId, string? Reason, DateTimeOffset? Until);

public sealed record GroupUpdatedMessage(string GroupId, string Change, long? Seq, string? Reason);

public sealed record ModeratorConversationView(string ConversationId, PartnerInfo Seeker, PartnerInfo Peer, string Status, DateTimeOffset StartedAt);
