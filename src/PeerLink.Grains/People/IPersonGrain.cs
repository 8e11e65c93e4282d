using PeerLink.Grains.Conversations;
using PeerLink.Grains.Matching;
using PeerLink.Silo;

namespace PeerLink.Grains.People;

/// <summary>One person (key: person id): profile, peer availability and capacity, history, blocks and check-ins.</summary>
public interface IPersonGrain : IGrainWithStringKey
{
    /// <summary>Creates the person, or adds roles to an existing one.</summary>
    Task<PersonProfile> Register(string pseudonym, Role roles);

    /// <summary>A read; may interleave, so no cycle of grains waiting on each other can block it.</summary>
    [AlwaysInterleave]
    Task<PersonProfile> GetProfile();

    /// <summary>An admin sets the person's roles; a peer who loses the peer role leaves the matching pools.</summary>
    Task<PersonProfile> SetRoles(Role roles, string changedBy);

    /// <summary>Records the person's sign-in name, once; an account's username never changes.</summary>
    Task<PersonProfile> SetUsername(string username);

    Task<PersonProfile> UpdateProfile(ProfileUpdate update);

    Task<PersonProfile> RecordTraining(TrainingRecord training);

    /// <summary>A peer sets themselves available or away, with how many conversations they hold at once.</summary>
    Task<PersonProfile> SetAvailability(bool available, int capacity);

    Task<PersonProfile> SetWeeklyWindows(IReadOnlyList<WeeklyWindow> windows);

    /// <summary>A peer rests after a conversation: no offers until the cool-down ends.</summary>
    Task<PersonProfile> StartCoolDown(TimeSpan duration);

    /// <summary>The connection is alive. Without one for the presence timeout a peer is unavailable.</summary>
    Task Heartbeat();

    /// <summary>Never matches the two again, either way; ends a conversation they are in together; rooms stop carrying messages between them.</summary>
    Task Block(string personId);

    /// <summary>A read; may interleave, so no cycle of grains waiting on each other can block it.</summary>
    [AlwaysInterleave]
    Task<IReadOnlyList<string>> GetBlocked();

    /// <summary>The person's first connection opened, or their last one closed; the rooms they are in are told.</summary>
    [OneWay]
    Task PresenceChanged(bool online);

    /// <summary>A room tells the person it joined or left. One-way: rooms and people never wait on each other.</summary>
    [OneWay]
    Task RoomMembershipChanged(string groupId, bool member);

    /// <summary>A read; may interleave, so no cycle of grains waiting on each other can block it.</summary>
    [AlwaysInterleave]
    Task<IReadOnlyList<PastConversation>> GetHistory();

    /// <summary>A read; may interleave, so no cycle of grains waiting on each other can block it.</summary>
    [AlwaysInterleave]
    Task<IReadOnlyList<CheckInRecord>> GetCheckIns();

    /// <summary>Schedules a check-in with someone this person talked with; returns its id.</summary>
    Task<string> ScheduleCheckIn(string partnerId, DateTimeOffset dueAt);

    /// <summary>
    /// Records a check-in the partner scheduled. One-way: the two people's grains may be scheduling with
    /// each other at the same moment, and neither may wait on the other.
    /// </summary>
    [OneWay]
    Task AddCheckIn(CheckInRecord checkIn);

    /// <summary>Called by a matchmaker: opens a request, refusing a second one or one during a conversation.</summary>
    Task<SeekerSnapshot> BeginRequest(string requestId, string language);

    Task EndRequest(string requestId);

    /// <summary>Called by a matchmaker on accept: takes a place in the peer's capacity or refuses.</summary>
    /// <param name="fromPool">The pool asking, which updates itself from the result; every other pool is told.</param>
    Task<PeerSnapshot> ReserveAsPeer(string conversationId, string seekerId, string fromPool);

    Task JoinAsSeeker(string conversationId, string requestId);

    /// <summary>Gives back a place reserved for a conversation that never started.</summary>
    Task ReleaseReservation(string conversationId);

    /// <param name="asPeer">Whether this person was the peer in it.</param>
    Task ConversationEnded(string conversationId, string partnerId, bool asPeer, string language, DateTimeOffset endedAt);

    Task RecordFeedback(string conversationId, Feedback feedback);

    /// <summary>Everything held about this person, with the words they wrote and none of anyone else's.</summary>
    Task<Privacy.PersonExport> Export();

    /// <summary>
    /// Deletes the person: ends their conversations, takes the words out of every message they wrote, leaves
    /// their rooms, cancels their request and check-ins, frees their username and forgets them.
    /// </summary>
    Task DeleteAccount();
}
