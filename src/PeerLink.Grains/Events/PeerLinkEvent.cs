using PeerLink.Grains.Matching;

namespace PeerLink.Grains.Events;

/// <summary>
/// Something a person should hear about at once. The Web project delivers these; grains only publish them. They are
/// serializable because a dedicated silo hands them to a web node (<see cref="IWebNode"/>).
/// </summary>
[GenerateSerializer, Alias("peerlink.event")]
public abstract record PeerLinkEvent([Id(0)] string RecipientId);

/// <param name="EstimatedWaitSeconds">From recent real match times; null while there are none to go on.</param>
[GenerateSerializer, Immutable, Alias("peerlink.event.queue-updated")]
public sealed record QueueUpdated(string RecipientId, [Id(0)] string RequestId, [Id(1)] int Position, [Id(2)] int? EstimatedWaitSeconds, [Id(3)] MatchStage Stage, [Id(4)] string StageDescription) : PeerLinkEvent(RecipientId);

[GenerateSerializer, Immutable, Alias("peerlink.event.offer-made")]
public sealed record OfferMade(string RecipientId, [Id(0)] string OfferId, [Id(1)] string RequestId, [Id(2)] IReadOnlyList<string> Identities, [Id(3)] string? Topic, [Id(4)] DateTimeOffset ExpiresAt) : PeerLinkEvent(RecipientId);

/// <param name="Reason">"expired", "cancelled", "unavailable" or "capacity".</param>
[GenerateSerializer, Immutable, Alias("peerlink.event.offer-withdrawn")]
public sealed record OfferWithdrawn(string RecipientId, [Id(0)] string OfferId, [Id(1)] string Reason) : PeerLinkEvent(RecipientId);

[GenerateSerializer, Immutable, Alias("peerlink.event.matched")]
public sealed record Matched(string RecipientId, [Id(0)] string ConversationId, [Id(1)] string RequestId, [Id(2)] string PartnerId, [Id(3)] string PartnerPseudonym, [Id(4)] string Reason) : PeerLinkEvent(RecipientId);

[GenerateSerializer, Immutable, Alias("peerlink.event.conversation-ended")]
public sealed record ConversationEnded(string RecipientId, [Id(0)] string ConversationId, [Id(1)] string EndedBy) : PeerLinkEvent(RecipientId);

[GenerateSerializer, Immutable, Alias("peerlink.event.check-in-due")]
public sealed record CheckInDue(string RecipientId, [Id(0)] string CheckInId, [Id(1)] string PartnerId, [Id(2)] DateTimeOffset DueAt) : PeerLinkEvent(RecipientId);


[GenerateSerializer, Immutable, Alias("peerlink.event.message-received")]
public sealed record MessageReceived(string RecipientId, [Id(0)] string ConversationId, [Id(1)] long Seq, [Id(2)] string SenderId, [Id(3)] string Text, [Id(4)] DateTimeOffset SentAt) : PeerLinkEvent(RecipientId);

[GenerateSerializer, Immutable, Alias("peerlink.event.group-message-received")]
public sealed record GroupMessageReceived(string RecipientId, [Id(0)] string GroupId, [Id(1)] long Seq, [Id(2)] string SenderId, [Id(3)] string Pseudonym, [Id(4)] string Text, [Id(5)] DateTimeOffset SentAt) : PeerLinkEvent(RecipientId);

/// <summary>A room member came online or went offline.</summary>
[GenerateSerializer, Immutable, Alias("peerlink.event.group-member-presence")]
public sealed record GroupMemberPresence(string RecipientId, [Id(0)] string GroupId, [Id(1)] string PersonId, [Id(2)] bool Online) : PeerLinkEvent(RecipientId);

[GenerateSerializer, Immutable, Alias("peerlink.event.group-member-changed")]
public sealed record GroupMemberChanged(string RecipientId, [Id(0)] string GroupId, [Id(1)] string PersonId, [Id(2)] string Pseudonym, [Id(3)] bool Joined) : PeerLinkEvent(RecipientId);

/// <summary>Crisis lines to show at once, to the writer of a high-risk message and, in a one-to-one chat, to the peer.</summary>
[GenerateSerializer, Immutable, Alias("peerlink.event.crisis-resources-offered")]
public sealed record CrisisResourcesOffered(string RecipientId, [Id(0)] string? ConversationId, [Id(1)] string? GroupId, [Id(2)] IReadOnlyList<Safety.CrisisLine> Resources) : PeerLinkEvent(RecipientId);

[GenerateSerializer, Immutable, Alias("peerlink.event.crisis-alert-raised")]
public sealed record CrisisAlertRaised(string RecipientId, [Id(0)] Moderation.CrisisAlert Alert) : PeerLinkEvent(RecipientId);

[GenerateSerializer, Immutable, Alias("peerlink.event.moderator-called")]
public sealed record ModeratorCalled(string RecipientId, [Id(0)] Moderation.ModeratorCall Call) : PeerLinkEvent(RecipientId);

[GenerateSerializer, Immutable, Alias("peerlink.event.report-filed")]
public sealed record ReportFiled(string RecipientId, [Id(0)] Moderation.Report Report) : PeerLinkEvent(RecipientId);

/// <summary>Tells the reporter what a moderator decided.</summary>
[GenerateSerializer, Immutable, Alias("peerlink.event.report-closed")]
public sealed record ReportClosed(string RecipientId, [Id(0)] string ReportId, [Id(1)] string Outcome) : PeerLinkEvent(RecipientId);

/// <summary>A moderator joined a one-to-one conversation; both participants are told.</summary>
[GenerateSerializer, Immutable, Alias("peerlink.event.moderator-joined")]
public sealed record ModeratorJoined(string RecipientId, [Id(0)] string ConversationId, [Id(1)] string ModeratorId, [Id(2)] string Pseudonym) : PeerLinkEvent(RecipientId);

/// <summary>A moderator's part in a one-to-one conversation ended; both participants and the moderator are told.</summary>
/// <param name="Reason">"left", "call-resolved", "role-removed" or "account-deleted".</param>
[GenerateSerializer, Immutable, Alias("peerlink.event.moderator-left")]
public sealed record ModeratorLeft(string RecipientId, [Id(0)] string ConversationId, [Id(1)] string ModeratorId, [Id(2)] string Pseudonym, [Id(3)] string Reason) : PeerLinkEvent(RecipientId);

/// <summary>
/// Sessions of this person were signed out (<paramref name="SessionId"/>), or all of them (null): the edge closes
/// their live connections. Nothing is sent to the person; their connections simply end.
/// </summary>
[GenerateSerializer, Immutable, Alias("peerlink.event.sessions-ended")]
public sealed record SessionsEnded(string RecipientId, [Id(0)] string? SessionId) : PeerLinkEvent(RecipientId);

/// <summary>This person's roles changed: what their live connections may do must be asked again. Nothing is sent to them.</summary>
[GenerateSerializer, Immutable, Alias("peerlink.event.access-changed")]
public sealed record AccessChanged(string RecipientId) : PeerLinkEvent(RecipientId);

/// <summary>A moderation action that affects this person (a warning, a mute, a removal), with its reason.</summary>
[GenerateSerializer, Immutable, Alias("peerlink.event.moderation-notice")]
public sealed record ModerationNotice(string RecipientId, [Id(0)] string Action, [Id(1)] string? GroupId, [Id(2)] string? Reason, [Id(3)] DateTimeOffset? Until) : PeerLinkEvent(RecipientId);

/// <summary>A room changed for everyone in it: a message deleted or pinned, the room locked or unlocked.</summary>
[GenerateSerializer, Immutable, Alias("peerlink.event.group-updated")]
public sealed record GroupUpdated(string RecipientId, [Id(0)] string GroupId, [Id(1)] string Change, [Id(2)] long? Seq, [Id(3)] string? Reason) : PeerLinkEvent(RecipientId);

/// <summary>
/// Messages lost their words after they were delivered (their writer deleted their account): clients show
/// "message removed" in their place. <see cref="ConversationId"/> or <see cref="GroupId"/> says where.
/// </summary>
/// <param name="Reason">Why, as in a page's <c>removed</c>: "account-deleted".</param>
[GenerateSerializer, Immutable, Alias("peerlink.event.messages-removed")]
public sealed record MessagesRemoved(string RecipientId, [Id(0)] string? ConversationId, [Id(1)] string? GroupId, [Id(2)] IReadOnlyList<long> Seqs, [Id(3)] string Reason) : PeerLinkEvent(RecipientId);
