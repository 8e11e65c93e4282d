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

public sealed record GroupMemberChanged(string RecipientId, string GroupId, string PersonId, string Pseudonym, bool Joined) : PeerLinkEvent(RecipientId);
