using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using PeerLink.Grains;
using PeerLink.Grains.Accounts;
using PeerLink.Grains.People;
using PeerLink.Silo;

namespace PeerLink.Web.Auth;

/// <summary>The first admin's sign-in, from "PeerLink:Admin". Without both values no admin is created.</summary>
public sealed class AdminOptions
{
    public const string SectionName = "PeerLink:Admin";

    public string? Username { get; set; }

    public string? Password { get; set; }
}

/// <summary>Creates the configured first admin at start-up, once; an existing account is left as it is.</summary>
internal sealed class FirstAdminSeeder(IOptions<AdminOptions> options, IGrainFactory grains, ILogger<FirstAdminSeeder> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value is not { Username: { } username, Password: { } password })
        {
            return;
        }

        var name = Credentials.Username(username);
        Credentials.Password(password);
        var account = grains.GetGrain<IAccountGrain>(name);
        if (await account.GetCredentials() is not null)
        {
            return;
        }

        var personId = Guid.NewGuid().ToString("N");
        await grains.GetGrain<IPersonGrain>(personId).Register(name, Role.Admin);
        await account.Create(new AccountCredentials(personId, new PasswordHasher<string>().HashPassword(name, password)));
        logger.LogInformation("Created the first admin, {Username}", name);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>Rules for usernames and passwords, checked at the edge.</summary>
internal static class Credentials
{
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
}
