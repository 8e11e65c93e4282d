using Microsoft.Extensions.DependencyInjection;
using PeerLink.Grains.Accounts;
using PeerLink.Grains.People;
using PeerLink.Silo;
using PeerLink.Web.Auth;

namespace PeerLink.Browser.Tests;

/// <summary>
/// Until demo seeding (PeerLink:Demo:Seed) lands on main: peer1 and peer2, trained English veterans
/// with the demo password, made the way an admin's invite will make them.
/// </summary>
internal static class DemoPeersStopgap
{
    public static async Task EnsureAsync(IServiceProvider services)
    {
        var grains = services.GetRequiredService<IGrainFactory>();
        foreach (var username in new[] { "peer1", "peer2", "peer3" })
        {
            if (await grains.GetGrain<IAccountGrain>(username).GetCredentials() is not null)
            {
                continue;
            }

            var personId = Guid.NewGuid().ToString("N");
            var person = grains.GetGrain<IPersonGrain>(personId);
            await person.Register(username, Role.Peer);
            await person.UpdateProfile(new ProfileUpdate(["veteran", "carer"], ["en"], "UTC"));
            await person.RecordTraining(new TrainingRecord(DateTimeOffset.UtcNow, "stopgap"));
            await grains.GetGrain<IAccountGrain>(username).Create(new AccountCredentials(personId, Credentials.Hash(username, PeerLinkHost.DemoPassword)));
        }
    }
}
