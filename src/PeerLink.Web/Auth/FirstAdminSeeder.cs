using Microsoft.Extensions.Options;
using PeerLink.Grains.People;

namespace PeerLink.Web.Auth;

/// <summary>Creates the configured first admin at start-up, once; an existing account is left as it is.</summary>
internal sealed class FirstAdminSeeder(IOptions<AdminOptions> options, AccountProvisioner accounts, ILogger<FirstAdminSeeder> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value is not { Username: { } username, Password: { } password } || await accounts.ExistsAsync(username))
        {
            return;
        }

        await accounts.CreateAsync(username, password, Credentials.Username(username), Role.Admin);
        logger.LogInformation("Created the first admin, {Username}", Credentials.Username(username));
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
