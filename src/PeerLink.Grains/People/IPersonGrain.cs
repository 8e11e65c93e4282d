using PeerLink.Grains.Conversations;
using PeerLink.Grains.Matching;

namespace PeerLink.Grains.People;

/// <summary>One person (key: person id): profile, peer availability and capacity, history, blocks and check-ins.</summary>
/// <remarks>
/// The methods other grains call to tell a person a fact (<see cref="ConversationEnded"/>, <see cref="EndRequest"/>,
/// <see cref="JoinAsSeeker"/>) may interleave: a person waits on conversations and matchmakers (blocking, deleting an
/// account), and a conversation or a matchmaker must be able to tell that same person something meanwhile. Without
/// it the two wait on each other until the call times out. Each of those methods changes state only between awaits.
/// </remarks>
[GrainInterfaceType("peerlink.person")]
[Alias("peerlink.person-grain")]
public interface IPersonGrain : IGrainWithStringKey
{
    /// <summary>Creates the person, or adds roles to an existing one.</summary>
    Task<PersonProfile> Register(string pseudonym, Role roles);

    /// <summary>A read; may interleave, so no cycle of grains waiting on each other can block it.</summary>
    [AlwaysInterleave]
    Task<PersonProfile> GetProfile();

    /// <summary>
    /// An admin sets the person's roles: refused unless <paramref name="changedBy"/> is an admin now. A peer who loses
    /// the peer role leaves the matching pools; a moderator who loses the moderator role leaves the conversations they joined.
    /// </summary>
    Task<PersonProfile> SetRoles(Role roles, string changedBy);

    /// <summary>Opens a sign-in session until <paramref name="expiresAt"/>; returns its id, which the token and cookie carry.</summary>
    Task<string> StartSession(DateTimeOffset expiresAt);

    /// <summary>What this session may do now. A read, asked on every request and hub call; may interleave.</summary>
    [AlwaysInterleave]
    Task<Access> GetAccess(string sessionId);

    /// <summary>Signs this session out: its token and cookie stop working, and its live connections close.</summary>
    Task EndSession(string sessionId);

    /// <summary>Signs every session of this person out.</summary>
    Task EndAllSessions();

    /// <summary>A conversation tells the moderator they joined it or left it. One-way: conversations and people never wait on each other.</summary>
    [OneWay]
    Task ModeratingChanged(string conversationId, bool moderating);

    /// <summary>Records the person's sign-in name, once; an account's username never changes.</summary>
    Task<PersonProfile> SetUsername(string username);

    Task<PersonProfile> UpdateProfile(ProfileUpdate update);

    Task<PersonProfile> RecordTraining(TrainingRecord training);

    /// <summary>A peer sets themselves available or away, with how many conversations they hold at once.</summary>
    Task<PersonProfile> SetAvailability(bool available, int capacity);

    Task<PersonProfile> SetWeeklyWindows(IReadOnlyList<WeeklyWindow> windows);

    /// <summary>A peer rests after a conversation: no offers until the cool-down ends.</summary>
    Task<PersonProfile> StartCoolDown(TimeSpan duration);

    /// <summary>
    /// A web node opens a live connection of this person, unless the nodes of the cluster hold <paramref name="cap"/>
    /// of theirs already (then false, and nothing is counted). The person is online while some node holds one; a peer
    /// without one is unavailable.
    /// </summary>
    /// <param name="nodeId">The web node, which says the same id for as long as it runs.</param>
    Task<bool> Connect(string nodeId, int cap);

    /// <summary>
    /// The node's heartbeat: it holds <paramref name="connections"/> of this person now. What a node said lapses
    /// after the presence timeout unless it says it again, so a node that dies stops counting by itself.
    /// </summary>
    Task Connected(string nodeId, int connections);

    /// <summary>One of the node's connections of this person closed.</summary>
    Task Disconnected(string nodeId);

    /// <summary>Whether some web node holds a live connection of this person. A read; may interleave.</summary>
    [AlwaysInterleave]
    Task<bool> IsOnline();

    /// <summary>Never matches the two again, either way; ends a conversation they are in together; rooms stop carrying messages between them.</summary>
    Task Block(string personId);

    /// <summary>A read; may interleave, so no cycle of grains waiting on each other can block it.</summary>
    [AlwaysInterleave]
    Task<IReadOnlyList<string>> GetBlocked();

    /// <summary>A room tells a moderator they began or stopped watching it quietly. One-way, like every call from rooms to people.</summary>
    [OneWay]
    Task RoomWatchingChanged(string groupId, bool watching);

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

    /// <summary>The request was matched or cancelled. May interleave: see the remarks on this interface.</summary>
    [AlwaysInterleave]
    Task EndRequest(string requestId);

    /// <summary>Called by a matchmaker on accept: takes a place in the peer's capacity or refuses.</summary>
    /// <param name="fromPool">The pool asking, which updates itself from the result; every other pool is told.</param>
    Task<PeerSnapshot> ReserveAsPeer(string conversationId, string seekerId, string fromPool);

    /// <summary>Called by a matchmaker once the conversation started. May interleave: see the remarks on this interface.</summary>
    [AlwaysInterleave]
    Task JoinAsSeeker(string conversationId, string requestId);

    /// <summary>Gives back a place reserved for a conversation that never started.</summary>
    Task ReleaseReservation(string conversationId);

    /// <summary>Called by the conversation when either side ended it. May interleave: see the remarks on this interface.</summary>
    /// <param name="asPeer">Whether this person was the peer in it.</param>
    [AlwaysInterleave]
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
