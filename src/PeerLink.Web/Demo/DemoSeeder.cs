using Microsoft.Extensions.Options;
using PeerLink.Grains;
using PeerLink.Grains.Groups;
using PeerLink.Grains.Identities;
using PeerLink.Grains.People;
using Orleans;
using PeerLink.Web.Auth;

namespace PeerLink.Web.Demo;

/// <summary>
/// With PeerLink:Demo:Seed on, makes sure the demo accounts and rooms exist, then prints how to sign in.
/// It only adds what is missing, so a restart on Redis keeps everyone's changes.
/// </summary>
internal sealed class DemoSeeder(
    IOptions<DemoOptions> options,
    AccountProvisioner accounts,
    IGrainFactory grains,
    TimeProvider time,
    ILogger<DemoSeeder> logger) : IHostedService
{
    private static readonly DemoPeer[] Peers =
    [
        new("peer1", "Alex", ["veteran", "first-responder", "remote-worker"]),
        new("peer2", "Jordan", ["new-parent", "carer", "single-parent"]),
        new("peer3", "Robin", ["lgbtq", "student", "newcomer"]),
        new("peer4", "Sam", ["bereaved", "chronic-illness", "older-adult"]),
    ];

    private static readonly (string Id, GroupSettings Settings)[] Rooms =
    [
        ("new-parents", new GroupSettings("New parents' evening room", "Sleepless nights, small wins, and everything in between.", ["new-parent", "single-parent"], 30)),
        ("veterans", new GroupSettings("Veterans' corner", "Life after service, among people who were there.", ["veteran", "first-responder"], 30)),
        ("open-room", new GroupSettings("Open room", "For anyone who would like some company.", [], 50)),
    ];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Seed)
        {
            return;
        }

        var password = options.Value.Password is { } configured
            ? Credentials.Password(configured)
            : throw new InvalidOperationException($"{DemoOptions.SectionName}:Password must be set when {DemoOptions.SectionName}:Seed is true.");

        // The catalog seeds its default list on first use; touching it here makes the seeding visible at start.
        await grains.GetGrain<IIdentityCatalogGrain>(IdentityCatalogGrain.Key).GetCatalog();
        await EnsureAsync("admin", password, "Admin", Role.Admin);
        await EnsureAsync("moderator", password, "Moderator Mo", Role.Moderator);
        foreach (var peer in Peers)
        {
            if (await EnsureAsync(peer.Username, password, peer.Pseudonym, Role.Peer) is { } personId)
            {
                var person = grains.GetGrain<IPersonGrain>(personId);
                await person.UpdateProfile(new ProfileUpdate(peer.Identities, ["en"], "Europe/London"));
                await person.RecordTraining(new TrainingRecord(time.GetUtcNow(), "admin"));
            }
        }

        foreach (var (id, settings) in Rooms)
        {
            await EnsureRoomAsync(id, settings);
        }

        // The password itself stays out of the log: logs travel further than the settings they came from.
        logger.LogWarning(
            "Demo mode: sign in as admin, moderator, or peer1 to peer4, all with the password set in {Section}:Password. Rooms: {Rooms}. Never use demo mode for real people.",
            DemoOptions.SectionName,
            string.Join(", ", Rooms.Select(r => r.Id)));
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <returns>The new person's id, or null when the account already existed.</returns>
    /// <remarks>
    /// Creating an account refuses a taken username before anything else, which is how a restart finds the demo
    /// accounts already there. Several nodes of a cluster may seed at the same moment: each demo person has a fixed
    /// id, so two nodes register the same person (which is idempotent) rather than two people, and the one whose
    /// account claim comes second finds the username taken too and leaves the rest to the other.
    /// </remarks>
    private async Task<string?> EnsureAsync(string username, string password, string pseudonym, Role role)
    {
        try
        {
            return await accounts.CreateAsync(username, password, pseudonym, role, personId: $"demo-{username}");
        }
        catch (RuleViolationException e) when (e.Code == "username-taken")
        {
            return null;
        }
    }

    private async Task EnsureRoomAsync(string id, GroupSettings settings)
    {
        try
        {
            await grains.GetGrain<ISupportGroupGrain>(id).GetInfo();
        }
        catch (RuleViolationException e) when (e.Code == "group-unknown")
        {
            try
            {
                await grains.GetGrain<ISupportGroupGrain>(id).Create(settings);
            }
            catch (RuleViolationException again) when (again.Code == "group-exists")
            {
                // Another node of the cluster created it in between.
            }
        }
    }

    private sealed record DemoPeer(string Username, string Pseudonym, string[] Identities);
}
