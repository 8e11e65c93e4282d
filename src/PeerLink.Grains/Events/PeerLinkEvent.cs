using PeerLink.Grains.Matching;

namespace PeerLink.Grains.Events;

/// <summary>Something a person should hear about at once. The Web project delivers these; grains only publish them.</summary>
public abstract record PeerLinkEvent(string RecipientId);

/// <param name="EstimatedWaitSeconds">From recent real match times; null while there are none to go on.</param>
public sealed record QueueUpdated(string RecipientId, string RequestId, int Position, int? EstimatedWaitSeconds, MatchStage Stage, string StageDescription)
    : PeerLinkEvent(RecipientId);

public sealed record OfferMade(string RecipientId, string OfferId, string RequestId, IReadOnlyList<string> Identities, string? Topic, DateTimeOffset ExpiresAt)
    : PeerLinkEvent(RecipientId);

/// <param name="Reason">"expired", "cancelled", "unavailable" or "capacity".</param>
public sealed record OfferWithdrawn(string RecipientId, string OfferId, string Reason) : PeerLinkEvent(RecipientId);

public sealed record Matched(string RecipientId, string ConversationId, string RequestId, string PartnerId, string PartnerPseudonym, string Reason)
    : PeerLinkEvent(RecipientId);

public sealed record ConversationEnded(string RecipientId, string ConversationId, string EndedBy) : PeerLinkEvent(RecipientId);

public sealed record CheckInDue(string RecipientId, string CheckInId, string PartnerId, DateTimeOffset DueAt) : PeerLinkEvent(RecipientId);


public sealed record MessageReceived(string RecipientId, string ConversationId, long Seq, string SenderId, string Text, DateTimeOffset SentAt)
    : PeerLinkEvent(RecipientId);

public sealed record GroupMessageReceived(string RecipientId, string GroupId, long Seq, string SenderId, string Pseudonym, string Text, DateTimeOffset SentAt)
    : PeerLinkEvent(RecipientId);

/// <summary>A room member came online or went offline.</summary>
public sealed record GroupMemberPresence(string RecipientId, string GroupId, string PersonId, bool Online) : PeerLinkEvent(RecipientId);

public sealed record GroupMemberChanged(string RecipientId, string GroupId, string PersonId, string Pseudonym, bool Joined) : PeerLinkEvent(RecipientId);

/// <summary>Crisis lines to show at once, to the writer of a high-risk message and, in a one-to-one chat, to the peer.</summary>
public sealed record CrisisResourcesOffered(string RecipientId, string? ConversationId, string? GroupId, IReadOnlyList<Safety.CrisisLine> Resources)
    : PeerLinkEvent(RecipientId);

public sealed record CrisisAlertRaised(string RecipientId, Moderation.CrisisAlert Alert) : PeerLinkEvent(RecipientId);

public sealed record ModeratorCalled(string RecipientId, Moderation.ModeratorCall Call) : PeerLinkEvent(RecipientId);

public sealed record ReportFiled(string RecipientId, Moderation.Report Report) : PeerLinkEvent(RecipientId);

/// <summary>Tells the reporter what a moderator decided.</summary>
public sealed record ReportClosed(string RecipientId, string ReportId, string Outcome) : PeerLinkEvent(RecipientId);

/// <summary>A moderator joined a one-to-one conversation; both participants are told.</summary>
public sealed record ModeratorJoined(string RecipientId, string ConversationId, string ModeratorId, string Pseudonym) : PeerLinkEvent(RecipientId);

/// <summary>A moderator's part in a one-to-one conversation ended; both participants and the moderator are told.</summary>
/// <param name="Reason">"left", "call-resolved", "role-removed" or "account-deleted".</param>
public sealed record ModeratorLeft(string RecipientId, string ConversationId, string ModeratorId, string Pseudonym, string Reason) : PeerLinkEvent(RecipientId);

/// <summary>
/// Sessions of this person were signed out (<paramref name="SessionId"/>), or all of them (null): the edge closes
/// their live connections. Nothing is sent to the person; their connections simply end.
/// </summary>
public sealed record SessionsEnded(string RecipientId, string? SessionId) : PeerLinkEvent(RecipientId);

/// <summary>This person's roles changed: what their live connections may do must be asked again. Nothing is sent to them.</summary>
public sealed record AccessChanged(string RecipientId) : PeerLinkEvent(RecipientId);

/// <summary>A moderation action that affects this person (a warning, a mute, a removal), with its reason.</summary>
public sealed record ModerationNotice(string RecipientId, string Action, string? GroupId, string? Reason, DateTimeOffset? Until) : PeerLinkEvent(RecipientId);

/// <summary>A room changed for everyone in it: a message deleted or pinned, the room locked or unlocked.</summary>
public sealed record GroupUpdated(string RecipientId, string GroupId, string Change, long? Seq, string? Reason) : PeerLinkEvent(RecipientId);

/// <summary>
/// Messages lost their words after they were delivered (their writer deleted their account): clients show
/// "message removed" in their place. <see cref="ConversationId"/> or <see cref="GroupId"/> says where.
/// </summary>
/// <param name="Reason">Why, as in a page's <c>removed</c>: "account-deleted".</param>
public sealed record MessagesRemoved(string RecipientId, string? ConversationId, string? GroupId, IReadOnlyList<long> Seqs, string Reason)
    : PeerLinkEvent(RecipientId);
