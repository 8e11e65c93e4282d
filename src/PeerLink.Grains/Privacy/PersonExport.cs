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
[GenerateSerializer, Immutable, Alias("peerlink.person-export")]
public sealed record PersonExport(
    [Id(0)] DateTimeOffset ExportedAt,
    [Id(1)] PersonProfile Profile,
    [Id(2)] bool AvailabilityChosen,
    [Id(3)] string? OpenRequestId,
    [Id(4)] IReadOnlyList<PastConversation> History,
    [Id(5)] IReadOnlyList<CheckInRecord> CheckIns,
    [Id(6)] IReadOnlyList<string> Blocked,
    [Id(7)] IReadOnlyList<string> Rooms,
    [Id(8)] IReadOnlyList<ConversationExport> Conversations,
    [Id(9)] IReadOnlyList<RoomExport> RoomMessages);

/// <param name="TranscriptPurgedAt">When retention cleared the conversation's messages; none are left to export.</param>
[GenerateSerializer, Immutable, Alias("peerlink.conversation-export")]
public sealed record ConversationExport([Id(0)] string ConversationId, [Id(1)] DateTimeOffset? TranscriptPurgedAt, [Id(2)] IReadOnlyList<ChatMessage> Messages);

[GenerateSerializer, Immutable, Alias("peerlink.room-export")]
public sealed record RoomExport([Id(0)] string GroupId, [Id(1)] IReadOnlyList<ChatMessage> Messages);
