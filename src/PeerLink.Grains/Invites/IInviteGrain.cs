using PeerLink.Grains.People;
using PeerLink.Silo;

namespace PeerLink.Grains.Invites;

/// <param name="Role">Peer or moderator: the role the invited person gets.</param>
public sealed record Invite(Role Role, string CreatedBy, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, string? RedeemedBy);

/// <summary>An invite code (key: the code) an admin gives a new peer or moderator; it works once, before it expires.</summary>
public interface IInviteGrain : IGrainWithStringKey
{
    Task<Invite> Create(Role role, string createdBy, TimeSpan validFor);

    /// <summary>Claims the invite for a person being created; refused if it is unknown, used or expired.</summary>
    Task<Invite> Redeem(string personId);

    /// <summary>Gives the invite back when creating the account failed after it was claimed.</summary>
    Task Release(string personId);
}
