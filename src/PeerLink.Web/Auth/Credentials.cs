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

    public static bool Verify(string username, string passwordHash, string password) =>
        Hasher.VerifyHashedPassword(username, passwordHash, password) != PasswordVerificationResult.Failed;
}
