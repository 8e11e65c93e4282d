using Microsoft.AspNetCore.Identity;
using PeerLink.Grains;

namespace PeerLink.Web.Auth;

/// <summary>Rules for usernames and passwords, checked at the edge, and the one place passwords are hashed.</summary>
internal static class Credentials
{
    // ASP.NET Core Identity's hasher: salted PBKDF2, and it rehashes old formats on verify.
    private static readonly PasswordHasher<string> Hasher = new();

    public static string Username(string? username)
    {
        var name = username?.Trim().ToLowerInvariant() ?? string.Empty;
        if (name.Length is < 3 or > 32 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_'))
        {
            throw new RuleViolationException("username-invalid", "A username is 3 to 32 letters, digits, dots, hyphens or underscores.");
        }

        return name;
    }

    public static string Password(string? password) =>
        password is { Length: >= 8 and <= 128 }
            ? password
            : throw new RuleViolationException("password-invalid", "A password is 8 to 128 characters.");

    public static string Hash(string username, string password) => Hasher.HashPassword(username, password);

    // A hash of nothing anyone knows, checked when there is no account or it is locked, so those answers take as long
    // as a wrong password does.
    private static readonly string NoAccountHash = Hasher.HashPassword("no-account", Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16)));

    /// <summary>Whether the password matches the hash; with no hash, the same work is done and the answer is no.</summary>
    public static bool Verify(string username, string? passwordHash, string password) =>
        Hasher.VerifyHashedPassword(username, passwordHash ?? NoAccountHash, password) != PasswordVerificationResult.Failed && passwordHash is not null;
}
