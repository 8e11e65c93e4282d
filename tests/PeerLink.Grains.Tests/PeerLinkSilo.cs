using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PeerLink.Grains.Conversations;
using PeerLink.Grains.Events;
using PeerLink.Grains.Groups;
using PeerLink.Grains.Identities;
using PeerLink.Grains.Matching;
using PeerLink.Grains.People;

namespace PeerLink.Grains.Tests;

/// <summary>A test silo with PeerLink's grains, a manual clock, recorded events, and helpers to set up people.</summary>
public sealed class PeerLinkSilo : IAsyncDisposable
{
    private PeerLinkSilo(TestSilo silo, ManualTimeProvider clock, RecordingEvents events)
    {
        Silo = silo;
        Clock = clock;
        Events = events;
    }

    public TestSilo Silo { get; }

    public ManualTimeProvider Clock { get; }

    public RecordingEvents Events { get; }

    public IMatchmakerGrain English => Silo.GetGrain<IMatchmakerGrain>("en");

    public static async Task<PeerLinkSilo> StartAsync(string? redisConnectionString = null, Action<TestSiloOptions>? configure = null)
    {
        var clock = new ManualTimeProvider();
        var events = new RecordingEvents();
        var silo = await TestSilo.StartAsync(o =>
        {
            o.TimeProvider = clock;
            o.RedisConnectionString = redisConnectionString;
            o.ConfigureSiloBuilder = silo => silo.AddPeerLinkGrains();
            o.ConfigureServices = services => services.AddSingleton<IPeerLinkEvents>(events);

            // The web host's own crisis rules, as the grains see them in production.
            o.ConfigureConfiguration = configuration => configuration.AddJsonFile(Path.Combine(AppContext.BaseDirectory, "Safety", "safety.json"), optional: false);
            configure?.Invoke(o);
        });
        return new PeerLinkSilo(silo, clock, events);
    }

    public IPersonGrain Person(string id) => Silo.GetGrain<IPersonGrain>(id);

    public IConversationGrain Conversation(string id) => Silo.GetGrain<IConversationGrain>(id);

    public ISupportGroupGrain Group(string id) => Silo.GetGrain<ISupportGroupGrain>(id);

    /// <summary>A trained, available English-speaking peer with these identities.</summary>
    public async Task<IPersonGrain> AddPeerAsync(string id, string[] identities, int capacity = 2, string[]? languages = null)
    {
        var peer = Person(id);
        await peer.Register($"Peer {id}", Role.Peer);
        await peer.UpdateProfile(new ProfileUpdate(identities, languages ?? ["en"], "Europe/London"));
        await peer.RecordTraining(new TrainingRecord(Clock.GetUtcNow(), "admin"));
        await peer.SetAvailability(true, capacity);
        return peer;
    }

    public async Task<IPersonGrain> AddSeekerAsync(string id)
    {
        var seeker = Person(id);
        await seeker.Register($"Seeker {id}", Role.Seeker);
        return seeker;
    }

    /// <summary>Matches a new seeker with a new peer and returns the conversation's id.</summary>
    public async Task<string> StartConversationAsync(string seekerId = "s", string peerId = "p")
    {
        await AddPeerAsync(peerId, ["new-parent"]);
        await AddSeekerAsync(seekerId);
        await RequestAsync(seekerId, "new-parent");
        var offer = await Events.WaitFor<OfferMade>(peerId);
        return await English.AcceptOffer(offer.OfferId, peerId);
    }

    public Task<string> RequestAsync(string seekerId, params string[] identities) =>
        English.RequestConversation(seekerId, new MatchRequest(identities, "en"));

    /// <summary>Moves the clock and lets the matchmaker's tick run, keeping peers' connections alive.</summary>
    public async Task AdvanceAsync(TimeSpan by, params string[] connectedPeers)
    {
        var step = TimeSpan.FromSeconds(5);
        for (var moved = TimeSpan.Zero; moved < by; moved += step)
        {
            foreach (var peer in connectedPeers)
            {
                await Person(peer).Heartbeat();
            }

            Clock.Advance(by - moved < step ? by - moved : step);
            await English.GetStats();
        }
    }

    public ValueTask DisposeAsync() => Silo.DisposeAsync();
}
