using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PeerLink.Grains.Conversations;
using PeerLink.Grains.Events;
using PeerLink.Grains.Groups;
using PeerLink.Grains.Identities;
using PeerLink.Grains.Matching;
using PeerLink.Grains.People;

namespace PeerLink.Grains.Tests;

/// <summary>A test silo with PeerLink's grains, a fake clock, recorded events, and helpers to set up people.</summary>
public sealed class PeerLinkSilo : IAsyncDisposable
{
    /// <summary>The web node the tests' people are connected through.</summary>
    public const string NodeId = "test-node";

    private PeerLinkSilo(TestSilo silo, FakeTimeProvider clock, RecordingEvents events)
    {
        Silo = silo;
        Clock = clock;
        Events = events;
    }

    public TestSilo Silo { get; }

    public FakeTimeProvider Clock { get; }

    public RecordingEvents Events { get; }

    public IMatchmakerGrain English => Silo.GetGrain<IMatchmakerGrain>("en");

    public static async Task<PeerLinkSilo> StartAsync(string? redisConnectionString = null, Action<TestSiloOptions>? configure = null)
    {
        var events = new RecordingEvents();
        var options = new TestSiloOptions
        {
            RedisConnectionString = redisConnectionString,
            ConfigureServices = services => services.AddSingleton<IPeerLinkEvents>(events),
        };
        configure?.Invoke(options);
        var silo = await TestSilo.StartAsync(options);
        return new PeerLinkSilo(silo, options.Clock, events);
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

    public async Task<IPersonGrain> AddAdminAsync(string id = "admin")
    {
        var admin = Person(id);
        await admin.Register($"Admin {id}", Role.Admin);
        return admin;
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
        OfferMade offer;
        try
        {
            offer = await Events.WaitFor<OfferMade>(peerId, deadline: TimeSpan.FromSeconds(3));
        }
        catch (TimeoutException)
        {
            // The peer's grain tells the matchmaker one-way, so the request can arrive first (seen once in CI); then
            // the offer comes with the next tick, as it would live, and the fake clock has to bring it.
            await AdvanceAsync(Silo.Services.GetRequiredService<IOptions<MatchingOptions>>().Value.Tick, peerId);
            offer = await Events.WaitFor<OfferMade>(peerId);
        }

        return await English.AcceptOffer(offer.OfferId, peerId);
    }

    public Task<string> RequestAsync(string seekerId, params string[] identities) =>
        English.RequestConversation(seekerId, new MatchRequest(identities, "en"));

    /// <summary>
    /// Moves the clock a matchmaker tick at a time, keeping these peers' connections alive, and waits for each tick to
    /// have run: Orleans runs a grain timer's callback on the grain, after the clock moved.
    /// </summary>
    public async Task AdvanceAsync(TimeSpan by, params string[] connectedPeers)
    {
        var step = Silo.Services.GetRequiredService<IOptions<MatchingOptions>>().Value.Tick;
        for (var moved = TimeSpan.Zero; moved < by; moved += step)
        {
            foreach (var peer in connectedPeers)
            {
                await Person(peer).Connected(PeerLinkSilo.NodeId, 1);
            }

            var whole = by - moved >= step;
            Clock.Advance(whole ? step : by - moved);
            if (whole)
            {
                var now = Clock.GetUtcNow();
                await Eventually.TrueAsync(async () => (await English.GetStats()).LastTickAt >= now, $"the matchmaker ticked at {now:O}");
            }
        }
    }

    /// <summary>
    /// Moves the clock in small steps until <paramref name="condition"/> holds, failing if it does not within
    /// <paramref name="within"/> of clock time: for what must happen within that time (a reminder's period), not at a moment.
    /// </summary>
    public async Task AdvanceUntilAsync(Func<Task<bool>> condition, TimeSpan within, string what)
    {
        var step = TimeSpan.FromSeconds(5);
        for (var moved = TimeSpan.Zero; !await condition(); moved += step)
        {
            if (moved > within)
            {
                // Grain turns run on their own threads: give the last step's a moment of real time before failing.
                await Eventually.TrueAsync(condition, $"{what}, within {within} of clock time");
                return;
            }

            Clock.Advance(step);
            await Task.Delay(20);
        }
    }

    public Task AdvanceUntilAsync(Func<bool> condition, TimeSpan within, string what) =>
        AdvanceUntilAsync(() => Task.FromResult(condition()), within, what);

    public ValueTask DisposeAsync() => Silo.DisposeAsync();
}
