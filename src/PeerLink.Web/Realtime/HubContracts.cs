using PeerLink.Grains.Groups;

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

public sealed record MessageSent(long Seq, DateTimeOffset SentAt);

public sealed record MessageReceivedMessage(string ConversationId, long Seq, string SenderId, string Text, DateTimeOffset SentAt);

public sealed record GroupMemberInfo(string PersonId, string Pseudonym, bool Online, bool Moderator, DateTimeOffset? WarnedUntil, DateTimeOffset? MutedUntil);

public sealed record GroupView(
    string GroupId,
    string Title,
    string? Description,
    IReadOnlyList<string> Identities,
    int Capacity,
    IReadOnlyList<GroupMemberInfo> Members,
    long LastSeq,
    bool Locked,
    long? PinnedSeq)
{
    /// <summary>The room as its grain says, with each member online or not as the room keeps it from their grains, on whichever node they are.</summary>
    public static GroupView From(GroupInfo info)
    {
        var online = (info.Online ?? []).ToHashSet(StringComparer.Ordinal);
        return new(
            info.GroupId,
            info.Title,
            info.Description,
            info.Identities,
            info.Capacity,
            [.. info.Members.Select(m => new GroupMemberInfo(m.PersonId, m.Pseudonym, online.Contains(m.PersonId), m.Moderator, m.WarnedUntil, m.MutedUntil))],
            info.LastSeq,
            info.Locked,
            info.PinnedSeq);
    }
}

public sealed record GroupMessageReceivedMessage(string GroupId, long Seq, string SenderId, string Pseudonym, string Text, DateTimeOffset SentAt);

public sealed record GroupMemberChangedMessage(string GroupId, string PersonId, string Pseudonym, bool Joined);

public sealed record MessagesRemovedMessage(string? ConversationId, string? GroupId, IReadOnlyList<long> Seqs, string Reason);

public sealed record GroupMemberPresenceMessage(string GroupId, string PersonId, bool Online);
