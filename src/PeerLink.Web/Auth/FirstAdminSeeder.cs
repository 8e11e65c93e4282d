using Microsoft.Extensions.Options;
using PeerLink.Grains.Accounts;
using PeerLink.Grains.People;
using PeerLink.Silo;

namespace PeerLink.Web.Auth;

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
        await account.Create(new AccountCredentials(personId, Credentials.Hash(name, password)));
        logger.LogInformation("Created the first admin, {Username}", name);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
