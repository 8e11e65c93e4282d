
namespace PeerLink.Grains.CheckIns;

/// <param name="SeekerIdentities">The identities of the conversation it follows, so the request matches the same way.</param>
[GenerateSerializer, Immutable, Alias("peerlink.check-in-plan")]
public sealed record CheckInPlan([Id(0)] string SeekerId, [Id(1)] string PeerId, [Id(2)] string Language, [Id(3)] IReadOnlyList<string> SeekerIdentities, [Id(4)] DateTimeOffset DueAt, [Id(5)] string ScheduledBy);

/// <summary>A check-in between a seeker and a peer (key: check-in id), driven by a durable reminder.</summary>
[GrainInterfaceType("peerlink.check-in")]
[Alias("peerlink.check-in-grain")]
public interface ICheckInGrain : IGrainWithStringKey
{
    Task Schedule(CheckInPlan plan);

    Task<CheckInPlan?> GetPlan();

    /// <summary>Calls the check-in off, for instance because one of the two deleted their account; nobody is told.</summary>
    Task Cancel();
}
