using Microsoft.Extensions.Options;
using PeerLink.Grains;
using PeerLink.Grains.People;

namespace PeerLink.Web.Auth;

/// <summary>
/// Creates the configured first admin at start-up, once; an existing account is left as it is, and so is one that another
/// node starting at the same moment created first.
/// </summary>
internal sealed class FirstAdminSeeder(IOptions<AdminOptions> options, AccountProvisioner accounts, ILogger<FirstAdminSeeder> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value is not { Username: { } username, Password: { } password } || await accounts.ExistsAsync(username))
        {
            return;
        }

        try
        {
            await accounts.CreateAsync(username, password, Credentials.Username(username), Role.Admin);
            logger.LogInformation("Created the first admin, {Username}", Credentials.Username(username));
        }
        catch (RuleViolationException e) when (e.Code == "username-taken")
        {
            // Another node of the cluster, starting at the same moment, created it first.
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
