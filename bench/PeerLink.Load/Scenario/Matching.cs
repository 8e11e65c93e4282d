using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using PeerLink.Testing.SignalR;

namespace PeerLink.Load.Scenario;

/// <summary>
/// Requests, offers, accepts and ends over the hub. Peers accept every offer at once, so request to offer and
/// request to match measure PeerLink, not a simulated person's hesitation.
/// </summary>
internal sealed class Matching(ErrorLog errors)
{
    /// <summary>What peers and matched seekers share.</summary>
    public static readonly string[] PeerIdentities = ["lgbtq"];

    /// <summary>What the waiting crowd asks for: no peer has it, nor the one identity related to it.</summary>
    public static readonly string[] WaitingIdentities = ["student"];

    private static readonly TimeSpan MatchDeadline = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan EndDeadline = TimeSpan.FromSeconds(15);

    private readonly ConcurrentDictionary<string, long> requestedAt = new();
    private readonly ConcurrentDictionary<string, long> offeredAt = new();
    private readonly ConcurrentDictionary<string, long> matchedAt = new();
    private readonly ConcurrentDictionary<string, HubClient> seekerIn = new();
    private readonly ConcurrentDictionary<string, HubClient> peerIn = new();
    private long ended;

    public LatencyHistogram RequestToOffer { get; } = new();

    public LatencyHistogram RequestToMatch { get; } = new();

    /// <summary>Matched conversations: the seeker's side first, the peer's second.</summary>
    public IReadOnlyList<Pair> Conversations =>
        [.. seekerIn.Where(s => peerIn.ContainsKey(s.Key)).Select(s => new Pair(s.Key, s.Value, peerIn[s.Key]))];

    public void Listen(IEnumerable<SimPerson> seekers, IEnumerable<SimPerson> peers)
    {
        foreach (var seeker in seekers)
        {
            var hub = seeker.Hub;
            hub.EventReceived += e => OnSeekerEvent(hub, e);
        }

        foreach (var peer in peers)
        {
            var hub = peer.Hub;
            hub.EventReceived += e => OnPeerEvent(hub, e);
        }
    }

    public Task SetAvailableAsync(IEnumerable<SimPerson> peers, CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(peers, new ParallelOptions { MaxDegreeOfParallelism = 32, CancellationToken = cancellationToken }, async (peer, _) =>
        {
            try
            {
                await peer.Hub.InvokeAsync("SetAvailability", new { available = true, capacity = 1 });
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                errors.Add("set-availability", e);
            }
        });

    /// <summary>Seekers ask for an identity no peer has, so they wait; this is the queue the others are matched past.</summary>
    public async Task QueueWaitingAsync(IReadOnlyList<SimPerson> seekers, double perSecond, CancellationToken cancellationToken) =>
        await Pacer.RunAsync(perSecond, seekers.Count, TimeSpan.FromMinutes(5), 1000, async i =>
        {
            try
            {
                await seekers[(int)i].Hub.InvokeAsync<JsonElement>("RequestConversation", new { identities = WaitingIdentities, language = "en" });
            }
            catch (Exception e)
            {
                errors.Add("request-conversation", e);
            }
        }, cancellationToken);

    /// <summary>Seekers ask for the peers' identity, at a steady rate, and wait until each is matched or the deadline passes.</summary>
    public async Task RequestMatchesAsync(IReadOnlyList<SimPerson> seekers, double perSecond, CancellationToken cancellationToken)
    {
        await Pacer.RunAsync(perSecond, seekers.Count, TimeSpan.FromMinutes(5), 1000, async i =>
        {
            var start = Stopwatch.GetTimestamp();
            try
            {
                var created = await seekers[(int)i].Hub.InvokeAsync<JsonElement>("RequestConversation", new { identities = PeerIdentities, language = "en" });
                requestedAt[created.GetProperty("requestId").GetString()!] = start;
            }
            catch (Exception e)
            {
                errors.Add("request-conversation", e);
            }
        }, cancellationToken);

        var deadline = Stopwatch.StartNew();
        while (requestedAt.Keys.Any(r => !matchedAt.ContainsKey(r)) && deadline.Elapsed < MatchDeadline)
        {
            await Task.Delay(50, cancellationToken);
        }

        foreach (var (requestId, start) in requestedAt)
        {
            Measure(RequestToOffer, offeredAt, requestId, start, "no-offer");
            Measure(RequestToMatch, matchedAt, requestId, start, "no-match");
        }
    }

    /// <summary>The seeker ends each conversation; both sides must hear of it.</summary>
    public async Task EndAllAsync(IReadOnlyList<Pair> conversations, CancellationToken cancellationToken)
    {
        Interlocked.Exchange(ref ended, 0);
        await Parallel.ForEachAsync(conversations, new ParallelOptions { MaxDegreeOfParallelism = 32, CancellationToken = cancellationToken }, async (c, _) =>
        {
            try
            {
                await c.A.InvokeAsync("EndConversation", c.ConversationId);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                errors.Add("end-conversation", e);
            }
        });

        var deadline = Stopwatch.StartNew();
        while (Interlocked.Read(ref ended) < conversations.Count * 2L && deadline.Elapsed < EndDeadline)
        {
            await Task.Delay(50, cancellationToken);
        }

        errors.Add("conversation-ended-missing", "A participant never heard ConversationEnded.", (conversations.Count * 2L) - Interlocked.Read(ref ended));
    }

    private void Measure(LatencyHistogram histogram, ConcurrentDictionary<string, long> arrivals, string requestId, long start, string missing)
    {
        if (arrivals.TryGetValue(requestId, out var at))
        {
            histogram.Record(Stopwatch.GetElapsedTime(start, at));
        }
        else
        {
            errors.Add(missing, $"Request {requestId} had no {missing[3..]} within {MatchDeadline.TotalSeconds} s.");
        }
    }

    private void OnSeekerEvent(HubClient hub, HubEvent e)
    {
        switch (e.Target)
        {
            case "Matched":
                var matched = e.Arguments[0];
                matchedAt.TryAdd(matched.GetProperty("requestId").GetString()!, Stopwatch.GetTimestamp());
                seekerIn[matched.GetProperty("conversationId").GetString()!] = hub;
                break;
            case "ConversationEnded":
                Interlocked.Increment(ref ended);
                break;
        }
    }

    private void OnPeerEvent(HubClient hub, HubEvent e)
    {
        switch (e.Target)
        {
            case "OfferReceived":
                var offer = e.Arguments[0];
                offeredAt.TryAdd(offer.GetProperty("requestId").GetString()!, Stopwatch.GetTimestamp());
                _ = AcceptAsync(hub, offer.GetProperty("offerId").GetString()!);
                break;
            case "Matched":
                peerIn[e.Arguments[0].GetProperty("conversationId").GetString()!] = hub;
                break;
            case "ConversationEnded":
                Interlocked.Increment(ref ended);
                break;
        }
    }

    private async Task AcceptAsync(HubClient hub, string offerId)
    {
        try
        {
            await hub.InvokeAsync("AcceptOffer", offerId);
        }
        catch (Exception e)
        {
            errors.Add("accept-offer", e);
        }
    }
}

/// <summary>Two connections in one conversation (or, for the baseline, one echo room).</summary>
internal sealed record Pair(string ConversationId, HubClient A, HubClient B);
