using PeerLink.Grains.People;

namespace PeerLink.Grains.Invites;

/// <param name="Role">Peer or moderator: the role the invited person gets.</param>
[GenerateSerializer, Immutable, Alias("peerlink.invite")]
public sealed record Invite([Id(0)] Role Role, [Id(1)] string CreatedBy, [Id(2)] DateTimeOffset CreatedAt, [Id(3)] DateTimeOffset ExpiresAt, [Id(4)] string? RedeemedBy);

/// <summary>An invite code (key: the code) an admin gives a new peer or moderator; it works once, before it expires.</summary>
[GrainInterfaceType("peerlink.invite")]
[Alias("peerlink.invite-grain")]
public interface IInviteGrain : IGrainWithStringKey
{
    /// <summary>Opens the invite; refused unless <paramref name="createdBy"/> is an admin now.</summary>
    Task<Invite> Create(Role role, string createdBy, TimeSpan validFor);

    /// <summary>Claims the invite for a person being created; refused if it is unknown, used or expired.</summary>
    Task<Invite> Redeem(string personId);

    /// <summary>Gives the invite back when creating the account failed after it was claimed.</summary>
    Task Release(string personId);
}
