namespace PeerLink.Grains.People;

[Flags]
public enum Role
{
    None = 0,
    Seeker = 1,
    Peer = 2,
    Moderator = 4,
    Admin = 8,
}

/// <summary>A peer's training: completed when, and recorded by which admin.</summary>
public sealed record TrainingRecord(DateTimeOffset CompletedAt, string RecordedBy);

/// <summary>A weekly slot in the peer's own time zone, such as Monday 18:00–21:00.</summary>
public sealed record WeeklyWindow(DayOfWeek Day, TimeOnly Start, TimeOnly End);

/// <param name="Identities">Ranked, most important first.</param>
public sealed record ProfileUpdate(IReadOnlyList<string> Identities, IReadOnlyList<string> Languages, string TimeZone);

public sealed record PersonProfile(
    string PersonId,
    string Pseudonym,
    Role Roles,
    IReadOnlyList<string> Identities,
    IReadOnlyList<string> Languages,
    string TimeZone,
    TrainingRecord? Training,
    int Capacity,
    bool Available,
    IReadOnlyList<string> ActiveConversations,
    DateTimeOffset? CoolDownUntil,
    IReadOnlyList<WeeklyWindow> WeeklyWindows,
    string? Username = null);

/// <param name="WasPeer">Whether this person was the peer in it.</param>
/// <param name="Rating">1 to 5, as this person rated the conversation; null until they give feedback.</param>
public sealed record PastConversation(string ConversationId, string PartnerId, bool WasPeer, string Language, DateTimeOffset EndedAt, int? Rating = null, bool TalkAgain = false);

public sealed record CheckInRecord(string CheckInId, string PartnerId, DateTimeOffset DueAt);
