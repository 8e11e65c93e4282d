using PeerLink.Silo;
using PeerLink.Silo.Reminders;

namespace PeerLink.Grains.CheckIns;

/// <param name="SeekerIdentities">The identities of the conversation it follows, so the request matches the same way.</param>
public sealed record CheckInPlan(string SeekerId, string PeerId, string Language, IReadOnlyList<string> SeekerIdentities, DateTimeOffset DueAt, string ScheduledBy);

/// <summary>A check-in between a seeker and a peer (key: check-in id), driven by a durable reminder.</summary>
public interface ICheckInGrain : IGrainWithStringKey, IRemindable
{
    Task Schedule(CheckInPlan plan);

    Task<CheckInPlan?> GetPlan();

    /// <summary>Calls the check-in off, for instance because one of the two deleted their account; nobody is told.</summary>
    Task Cancel();
}
