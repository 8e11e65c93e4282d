using PeerLink.Grains.Events;
using PeerLink.Grains.People;

namespace PeerLink.Grains.Tests;

/// <summary>
/// A thousand seekers and fifty peers doing random things at once, with a fixed seed so a failure replays.
/// After every step: no peer over capacity, no request matched twice, no waiting request forgotten.
/// </summary>
public sealed class RandomizedMatchingTests
{
    private const int Seed = 20261121;
    private const int Seekers = 1_000;
    private const int Peers = 50;
    private const int Steps = 300;
    private const int ActionsPerStep = 12;

    private static readonly string[] IdentityPool = ["veteran", "new-parent", "carer", "student", "bereaved", "lgbtq", "newcomer", "remote-worker"];

    [Fact]
    public async Task Random_accepts_declines_cancels_and_disconnects_never_break_the_matching_invariants()
    {
        var random = new Random(Seed);
        await using var app = await PeerLinkSilo.StartAsync();
        var peerIds = Enumerable.Range(0, Peers).Select(i => $"peer{i}").ToArray();
        var capacities = new Dictionary<string, int>();
        foreach (var id in peerIds)
        {
            capacities[id] = random.Next(1, 4);
            await app.AddPeerAsync(id, Pick(random, 1, 3), capacities[id]);
        }

        var seekerIds = Enumerable.Range(0, Seekers).Select(i => $"seeker{i}").ToArray();
        foreach (var id in seekerIds)
        {
            await app.AddSeekerAsync(id);
        }

        var model = new Model();
        var connected = peerIds.ToHashSet();
        var asks = seekerIds.Select(id => (Id: id, Identities: Pick(random, 1, 3))).ToArray();
        var requests = await Task.WhenAll(asks.Select(a => Task.Run(() => app.RequestAsync(a.Id, a.Identities))));
        for (var i = 0; i < Seekers; i++)
        {
            model.Waiting[requests[i]] = seekerIds[i];
        }

        await CheckInvariantsAsync(app, model, capacities);

        for (var step = 0; step < Steps; step++)
        {
            var actions = Enumerable.Range(0, ActionsPerStep).Select(_ => NextAction(app, model, random, connected, peerIds)).ToArray();
            await Task.WhenAll(actions.Select(a => Task.Run(a)));
            await app.AdvanceAsync(TimeSpan.FromSeconds(random.Next(1, 12)), [.. connected]);
            await CheckInvariantsAsync(app, model, capacities);
        }

        Assert.True(model.Matched.Count > 100, $"the run matched {model.Matched.Count} requests; too few to have tested much");
        Assert.True(model.Cancelled.Count > 20 && model.Declined > 20, "the run must have cancelled and declined too");
    }

    private static Func<Task> NextAction(PeerLinkSilo app, Model model, Random random, HashSet<string> connected, string[] peerIds)
    {
        var roll = random.Next(100);
        var events = app.Events.All;
        var withdrawn = events.OfType<OfferWithdrawn>().Select(w => w.OfferId).ToHashSet();
        List<OfferMade> openOffers;
        lock (model)
        {
            openOffers = [.. events.OfType<OfferMade>().Where(o => !model.Answered.Contains(o.OfferId) && !withdrawn.Contains(o.OfferId))];
        }

        var offer = openOffers.Count > 0 ? openOffers[random.Next(openOffers.Count)] : null;
        var waiting = model.WaitingSnapshot();
        var request = waiting.Length > 0 ? waiting[random.Next(waiting.Length)] : default;
        var peer = peerIds[random.Next(peerIds.Length)];
        var conversations = model.ActiveSnapshot();
        KeyValuePair<string, string>? conversation = conversations.Length > 0 ? conversations[random.Next(conversations.Length)] : null;

        return roll switch
        {
            < 35 when offer is not null => () => AcceptAsync(app, model, offer, twice: random.Next(4) == 0),
            < 50 when offer is not null => async () =>
            {
                if (await Refused(() => app.English.DeclineOffer(offer.OfferId, offer.RecipientId)))
                {
                    return;
                }

                lock (model)
                {
                    model.Answered.Add(offer.OfferId);
                    model.Declined++;
                }
            },
            < 60 when request.Key is not null => async () =>
            {
                if (!await Refused(() => app.English.CancelRequest(request.Key, request.Value)))
                {
                    model.Cancel(request.Key);
                }
            },
            < 80 when conversation is not null => async () =>
            {
                await app.Conversation(conversation.Value.Key).End(conversation.Value.Value);
                model.End(conversation.Value.Key);
            },
            < 90 => () =>
            {
                lock (connected)
                {
                    if (!connected.Remove(peer))
                    {
                        connected.Add(peer);
                    }
                }

                return Task.CompletedTask;
            },
            _ => () => Task.CompletedTask,
        };
    }

    private static async Task AcceptAsync(PeerLinkSilo app, Model model, OfferMade offer, bool twice)
    {
        var attempts = Enumerable.Range(0, twice ? 2 : 1).Select(_ => Task.Run(async () =>
        {
            try
            {
                return await app.English.AcceptOffer(offer.OfferId, offer.RecipientId);
            }
            catch (RuleViolationException)
            {
                return null;
            }
        }));
        var results = await Task.WhenAll(attempts);
        lock (model)
        {
            model.Answered.Add(offer.OfferId);
        }

        foreach (var conversationId in results.OfType<string>())
        {
            model.Match(offer.RequestId, conversationId);
        }
    }

    private static async Task CheckInvariantsAsync(PeerLinkSilo app, Model model, Dictionary<string, int> capacities)
    {
        foreach (var (peerId, capacity) in capacities)
        {
            var profile = await app.Person(peerId).GetProfile();
            Assert.True(profile.ActiveConversations.Count <= capacity, $"{peerId} holds {profile.ActiveConversations.Count} conversations, over capacity {capacity}");
        }

        var matchedTwice = app.Events.All.OfType<Matched>().GroupBy(m => (m.RecipientId, m.RequestId)).Where(g => g.Count() > 1).Select(g => g.Key.RequestId).ToList();
        Assert.Empty(matchedTwice);
        Assert.Equal(model.Matched.Count, model.Matched.Values.Distinct().Count());

        var inPool = (await app.English.GetWaitingRequests()).ToHashSet();
        var expected = model.WaitingSnapshot().Select(w => w.Key).ToHashSet();
        Assert.True(expected.SetEquals(inPool), $"waiting requests differ: forgotten {string.Join(",", expected.Except(inPool))}, unexpected {string.Join(",", inPool.Except(expected))}");
    }

    private static Task<bool> Refused(Func<Task> action) => action().ContinueWith(t => t.Exception?.InnerException is RuleViolationException, TaskScheduler.Default);

    private static string[] Pick(Random random, int min, int max) => [.. IdentityPool.OrderBy(_ => random.Next()).Take(random.Next(min, max + 1))];

    /// <summary>What the test believes: who waits, what matched, which conversations are live.</summary>
    private sealed class Model
    {
        public Dictionary<string, string> Waiting { get; } = [];

        public Dictionary<string, string> Matched { get; } = [];

        public HashSet<string> Cancelled { get; } = [];

        public HashSet<string> Answered { get; } = [];

        public Dictionary<string, string> Active { get; } = [];

        public int Declined { get; set; }

        public KeyValuePair<string, string>[] WaitingSnapshot()
        {
            lock (this)
            {
                return [.. Waiting];
            }
        }

        /// <summary>Live conversations and the seeker in each, who ends it.</summary>
        public KeyValuePair<string, string>[] ActiveSnapshot()
        {
            lock (this)
            {
                return [.. Active];
            }
        }

        public void Match(string requestId, string conversationId)
        {
            lock (this)
            {
                Assert.True(Matched.TryAdd(requestId, conversationId), $"request {requestId} was matched twice");
                Active[conversationId] = Waiting[requestId];
                Waiting.Remove(requestId);
            }
        }

        public void Cancel(string requestId)
        {
            lock (this)
            {
                Waiting.Remove(requestId);
                Cancelled.Add(requestId);
            }
        }

        public void End(string conversationId)
        {
            lock (this)
            {
                Active.Remove(conversationId);
            }
        }
    }
}
