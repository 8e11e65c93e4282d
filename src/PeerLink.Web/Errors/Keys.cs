using PeerLink.Grains;

namespace PeerLink.Web.Errors;

/// <summary>
/// Ids that arrive from clients name grains. One that could not be a grain key (empty, too long, odd
/// characters) names nothing, so it gets the same "unknown" answer as an id that was never used.
/// </summary>
internal static class Keys
{
    public static string Conversation(string? id) => GrainKeys.Require(id, "conversation-unknown", "There is no such conversation.");

    public static string Person(string? id) => GrainKeys.Require(id, "person-unknown", "There is no such person.");

    public static string Invite(string? code) => GrainKeys.Require(code, "invite-invalid", "This invite code is not valid. Ask an admin for a new one.");

    public static string Group(string? id) => GrainKeys.Require(id, "group-unknown", "There is no such room.");
}
