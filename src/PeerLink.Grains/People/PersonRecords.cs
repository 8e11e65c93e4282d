namespace PeerLink.Grains.People;

[Flags]
[GenerateSerializer, Alias("peerlink.role")]
public enum Role
{
    None = 0,
    Seeker = 1,
    Peer = 2,
    Moderator = 4,
    Admin = 8,
}

/// <summary>A peer's training: completed when, and recorded by which admin.</summary>
[GenerateSerializer, Immutable, Alias("peerlink.training-record")]
public sealed record TrainingRecord([Id(0)] DateTimeOffset CompletedAt, [Id(1)] string RecordedBy);

/// <summary>A weekly slot in the peer's own time zone, such as Monday 18:00–21:00.</summary>
[GenerateSerializer, Immutable, Alias("peerlink.weekly-window")]
public sealed record WeeklyWindow([Id(0)] DayOfWeek Day, [Id(1)] TimeOnly Start, [Id(2)] TimeOnly End);

/// <param name="Identities">Ranked, most important first.</param>
[GenerateSerializer, Immutable, Alias("peerlink.profile-update")]
public sealed record ProfileUpdate([Id(0)] IReadOnlyList<string> Identities, [Id(1)] IReadOnlyList<string> Languages, [Id(2)] string TimeZone);

[GenerateSerializer, Immutable, Alias("peerlink.person-profile")]
public sealed record PersonProfile(
    [Id(0)] string PersonId,
    [Id(1)] string Pseudonym,
    [Id(2)] Role Roles,
    [Id(3)] IReadOnlyList<string> Identities,
    [Id(4)] IReadOnlyList<string> Languages,
    [Id(5)] string TimeZone,
    [Id(6)] TrainingRecord? Training,
    [Id(7)] int Capacity,
    [Id(8)] bool Available,
    [Id(9)] IReadOnlyList<string> ActiveConversations,
    [Id(10)] DateTimeOffset? CoolDownUntil,
    [Id(11)] IReadOnlyList<WeeklyWindow> WeeklyWindows,
    [Id(12)] string? Username = null);

/// <param name="WasPeer">Whether this person was the peer in it.</param>
/// <param name="Rating">1 to 5, as this person rated the conversation; null until they give feedback.</param>
[GenerateSerializer, Immutable, Alias("peerlink.past-conversation")]
public sealed record PastConversation([Id(0)] string ConversationId, [Id(1)] string PartnerId, [Id(2)] bool WasPeer, [Id(3)] string Language, [Id(4)] DateTimeOffset EndedAt, [Id(5)] int? Rating = null, [Id(6)] bool TalkAgain = false);

[GenerateSerializer, Immutable, Alias("peerlink.check-in-record")]
public sealed record CheckInRecord([Id(0)] string CheckInId, [Id(1)] string PartnerId, [Id(2)] DateTimeOffset DueAt);
