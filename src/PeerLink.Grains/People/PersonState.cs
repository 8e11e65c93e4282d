namespace PeerLink.Grains.People;

/// <summary>What a person's grain keeps. Pseudonymous: no name, email or phone number.</summary>
public sealed class PersonState
{
    public string? Pseudonym { get; set; }

    public Role Roles { get; set; }

    /// <summary>The sign-in name, for people with an account; a guest has none until they keep theirs with a passphrase.</summary>
    public string? Username { get; set; }

    public List<string> Identities { get; set; } = [];

    public List<string> Languages { get; set; } = [];

    public string TimeZone { get; set; } = "UTC";

    public TrainingRecord? Training { get; set; }

    public int Capacity { get; set; } = Matching.MatchingOptions.DefaultCapacity;

    /// <summary>What the peer chose; whether they are matchable also needs a live connection and a weekly window.</summary>
    public bool AvailabilityChosen { get; set; }

    public List<WeeklyWindow> WeeklyWindows { get; set; } = [];

    public DateTimeOffset? CoolDownUntil { get; set; }

    public DateTimeOffset? LastConversationEndedAt { get; set; }

    public List<string> ActiveConversations { get; set; } = [];

    public string? OpenRequestId { get; set; }

    public string? OpenRequestLanguage { get; set; }

    public List<PastConversation> History { get; set; } = [];

    public HashSet<string> Blocked { get; set; } = [];

    /// <summary>The group rooms this person is a member of, so a block reaches them.</summary>
    public HashSet<string> Rooms { get; set; } = [];

    /// <summary>Every room this person has joined, left or not, so deleting their account reaches what they wrote there.</summary>
    public HashSet<string> RoomsJoined { get; set; } = [];

    public List<CheckInRecord> CheckIns { get; set; } = [];

    /// <summary>Open sign-in sessions, by id, with when each expires. Signing out removes one, or all.</summary>
    public Dictionary<string, DateTimeOffset> Sessions { get; set; } = [];

    /// <summary>One-to-one conversations this moderator joined and has not left, so losing the role ends their part in them.</summary>
    public HashSet<string> Moderating { get; set; } = [];

    /// <summary>Rooms this moderator watches quietly (unlisted), so losing the role ends that too.</summary>
    public HashSet<string> WatchingRooms { get; set; } = [];
}
