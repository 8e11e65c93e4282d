using PeerLink.Grains.Messages;
using PeerLink.Grains.People;

namespace PeerLink.Grains.Privacy;

/// <summary>
/// Everything PeerLink holds about one person, for them to take away: their profile and settings, their
/// history, and the words they wrote. Other people's words are never in it; the password hash neither.
/// </summary>
/// <param name="Profile">As <c>GET /api/me</c> shows it: pseudonym, username, roles, identities, languages, time zone, training, capacity, weekly windows.</param>
/// <param name="AvailabilityChosen">What the peer last chose; whether they were matchable also took a live connection.</param>
/// <param name="Rooms">The rooms the person is a member of now.</param>
/// <param name="Conversations">The person's own messages in each conversation they were in.</param>
/// <param name="RoomMessages">The person's own messages in each room they ever joined.</param>
public sealed record PersonExport(
    DateTimeOffset ExportedAt,
    PersonProfile Profile,
    bool AvailabilityChosen,
    string? OpenRequestId,
    IReadOnlyList<PastConversation> History,
    IReadOnlyList<CheckInRecord> CheckIns,
    IReadOnlyList<string> Blocked,
    IReadOnlyList<string> Rooms,
    IReadOnlyList<ConversationExport> Conversations,
    IReadOnlyList<RoomExport> RoomMessages);

/// <param name="TranscriptPurgedAt">When retention cleared the conversation's messages; none are left to export.</param>
public sealed record ConversationExport(string ConversationId, DateTimeOffset? TranscriptPurgedAt, IReadOnlyList<ChatMessage> Messages);

public sealed record RoomExport(string GroupId, IReadOnlyList<ChatMessage> Messages);
