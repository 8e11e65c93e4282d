using PeerLink.Silo;

namespace PeerLink.Grains.Accounts;

/// <param name="PasswordHash">A hash made at the edge; grains never see a password.</param>
public sealed record AccountCredentials(string PersonId, string PasswordHash);

/// <summary>A sign-in name (key: the lower-cased username) for peers, moderators and admins.</summary>
public interface IAccountGrain : IGrainWithStringKey
{
    /// <summary>Claims the username for a person; refused if it is taken.</summary>
    Task Create(AccountCredentials credentials);

    /// <summary>Null when no account has this username.</summary>
    [AlwaysInterleave]
    Task<AccountCredentials?> GetCredentials();

    /// <summary>Frees the username, if it signs in this person; anyone may claim it afterwards.</summary>
    Task Delete(string personId);
}
