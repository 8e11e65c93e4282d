
namespace PeerLink.Grains.Accounts;

/// <param name="Locked">Whether the account takes no sign-in for now, right password or not.</param>
[GenerateSerializer, Immutable, Alias("peerlink.sign-in-check")]
public sealed record SignInCheck([Id(0)] AccountCredentials? Credentials, [Id(1)] bool Locked);

/// <param name="PasswordHash">A hash made at the edge; grains never see a password.</param>
[GenerateSerializer, Immutable, Alias("peerlink.account-credentials")]
public sealed record AccountCredentials([Id(0)] string PersonId, [Id(1)] string PasswordHash);

/// <summary>A sign-in name (key: the lower-cased username) for peers, moderators and admins.</summary>
[GrainInterfaceType("peerlink.account")]
[Alias("peerlink.account-grain")]
public interface IAccountGrain : IGrainWithStringKey
{
    /// <summary>Claims the username for a person; refused if it is taken.</summary>
    Task Create(AccountCredentials credentials);

    /// <summary>Null when no account has this username.</summary>
    [AlwaysInterleave]
    Task<AccountCredentials?> GetCredentials();

    /// <summary>The credentials to check a sign-in against, and whether too many wrong guesses have locked the account for now.</summary>
    [AlwaysInterleave]
    Task<SignInCheck> BeginSignIn();

    /// <summary>Counts a failed sign-in towards the lock, or clears the count after one that succeeded.</summary>
    Task RecordSignIn(bool succeeded);

    /// <summary>Frees the username, if it signs in this person; anyone may claim it afterwards.</summary>
    Task Delete(string personId);
}
