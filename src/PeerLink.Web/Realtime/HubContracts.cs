namespace PeerLink.Web.Realtime;

// The hub's public contract (docs/api.md): add to it, never rename.
public sealed record RequestConversationArgs(string[]? Identities, string? Language, string? Topic, string? PreferredPeerId);

public sealed record RequestCreated(string RequestId);

public sealed record AvailabilityArgs(bool Available, int Capacity);

public sealed record PartnerInfo(string PersonId, string Pseudonym);

public sealed record QueueUpdatedMessage(string RequestId, int Position, int? EstimatedWaitSeconds, string Stage, string StageDescription);

public sealed record OfferReceivedMessage(string OfferId, string RequestId, IReadOnlyList<string> Identities, string? Topic, DateTimeOffset ExpiresAt);

public sealed record OfferWithdrawnMessage(string OfferId, string Reason);

public sealed record MatchedMessage(string ConversationId, string RequestId, PartnerInfo Partner, string Reason);

public sealed record ConversationEndedMessage(string ConversationId, string EndedBy);

public sealed record CheckInDueMessage(string CheckInId, string PartnerId, DateTimeOffset DueAt);
