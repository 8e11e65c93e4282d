using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PeerLink.Grains.Conversations;
using PeerLink.Grains.Events;
using PeerLink.Grains.Identities;
using PeerLink.Grains.People;
using PeerLink.Grains.Telemetry;

namespace PeerLink.Grains.Matching;

/// <summary>
/// One language pool. Requests and peer snapshots live in memory only: they belong to people who are
/// connected now, and after a restart peers re-announce themselves and seekers ask again. The queue is held only
/// here, so the pool is never collected while its silo runs.
/// </summary>
[GrainType("matchmaker"), KeepAlive]
public sealed class MatchmakerGrain(
    TimeProvider time,
    IOptions<MatchingOptions> matchingOptions,
    IPeerLinkEvents events,
    PeerLinkMetrics metrics,
    ILogger<MatchmakerGrain> logger) : Grain, IMatchmakerGrain
{
    // An estimate that drifts less than this is not worth a push to every waiting seeker.
    private const int EstimateChangeWorthTelling = 10;

    // One match can move every waiting seeker's estimate at once (the first real wait time turns 2,000
    // "no estimate yet" into numbers). Sent inline, those bursts held offers up behind them in delivery;
    // measured with the load tool, request-to-offer p99 went from tens to hundreds of milliseconds.
    // So estimate-only changes wait for the tick, a bounded number per tick, oldest place first.
    private const int EstimateUpdatesPerTick = 250;

    private readonly MatchingOptions options = matchingOptions.Value;
    private readonly WaitEstimator estimator = new(matchingOptions.Value.WaitSamples);
    private MatchQueue queue = null!;
    private long catalogVersion;
    private DateTimeOffset lastTick;

    private string Language => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        Validation.Language(Language, options);
        var catalog = await GrainFactory.GetGrain<IIdentityCatalogGrain>(IdentityCatalogGrain.Key).GetCatalog();
        catalogVersion = catalog.Version;
        queue = new MatchQueue(new IdentityCatalog(catalog.Identities), options);
        lastTick = time.GetUtcNow();
        ReportFigures(lastTick);
        this.RegisterGrainTimer(_ => TickAsync(), new GrainTimerCreationOptions(options.Tick, options.Tick));
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        metrics.ForgetPool(Language);
        return Task.CompletedTask;
    }

    public async Task<string> RequestConversation(string seekerId, MatchRequest request)
    {
        ValidateKey(seekerId, "seeker-invalid");
        if (Validation.Language(request.Language, options) != Language)
        {
            throw new RuleViolationException("language-pool", $"This is the '{Language}' pool; a request in '{request.Language}' belongs to its own.");
        }

        await RefreshCatalogAsync();
        Validation.Identities(request.Identities, queue.Catalog.Identities, allowEmpty: false);
        var topic = Validation.Topic(request.Topic);
        if (request.PreferredPeerId is { } preferred)
        {
            ValidateKey(preferred, "preferred-peer-invalid");
        }

        var requestId = PoolIds.New(Language);
        var seeker = await GrainFactory.GetGrain<IPersonGrain>(seekerId).BeginRequest(requestId, Language);
        var now = time.GetUtcNow();
        var waiting = queue.Enqueue(requestId, seeker, request with { Topic = topic, Identities = [.. request.Identities] }, now);
        queue.Advance(waiting, now);
        TryOffer(waiting, now);
        PublishQueueUpdates(now);
        return requestId;
    }

    public async Task CancelRequest(string requestId, string seekerId)
    {
        var request = queue.FindRequest(requestId)
            ?? throw new RuleViolationException("request-unknown", "There is no waiting request with that id: it was matched or cancelled already.");
        if (request.Seeker.SeekerId != seekerId)
        {
            throw new RuleViolationException("request-not-yours", "Only the person who made a request can cancel it.");
        }

        var now = time.GetUtcNow();
        if (queue.Remove(request) is { } offer)
        {
            events.Publish(new OfferWithdrawn(offer.PeerId, offer.OfferId, "cancelled"));
            OfferToPeer(offer.PeerId, now);
        }

        await GrainFactory.GetGrain<IPersonGrain>(seekerId).EndRequest(requestId);
        PublishQueueUpdates(now);
    }

    public async Task<string> AcceptOffer(string offerId, string peerId)
    {
        var (offer, request) = OpenOffer(offerId, peerId);
        var now = time.GetUtcNow();
        if (offer.ExpiresAt <= now)
        {
            Expire(offer, request, now);
            throw new RuleViolationException("offer-expired", "This offer expired before it was accepted; it has moved on.");
        }

        var conversationId = NewId();
        var peer = GrainFactory.GetGrain<IPersonGrain>(peerId);
        PeerSnapshot reserved;
        try
        {
            reserved = await peer.ReserveAsPeer(conversationId, request.Seeker.SeekerId, Language);
        }
        catch (RuleViolationException refusal)
        {
            queue.CloseOffer(request, passed: true);
            events.Publish(new OfferWithdrawn(peerId, offerId, refusal.Code));
            TryOffer(request, now);
            throw;
        }

        var reason = MatchScorer.Reason(request, reserved, queue.Catalog);
        try
        {
            await GrainFactory.GetGrain<IConversationGrain>(conversationId).Start(new ConversationStart(
                request.RequestId, request.Seeker.SeekerId, request.Seeker.Pseudonym, peerId, reserved.Pseudonym,
                Language, request.Request.Identities, reason));
            await GrainFactory.GetGrain<IPersonGrain>(request.Seeker.SeekerId).JoinAsSeeker(conversationId, request.RequestId);
        }
        catch (Exception e)
        {
            // The match did not happen: give the place back, keep the request waiting, and let the offer go elsewhere.
            logger.LogWarning(e, "Starting conversation {ConversationId} for request {RequestId} failed", conversationId, request.RequestId);
            await peer.ReleaseReservation(conversationId);
            queue.CloseOffer(request, passed: false);
            TryOffer(request, now);
            throw;
        }

        queue.Remove(request);
        var entry = queue.UpsertPeer(reserved);
        estimator.Record(now - request.EnqueuedAt);
        metrics.Matched(Language, now - request.EnqueuedAt);
        events.Publish(new Matched(request.Seeker.SeekerId, conversationId, request.RequestId, peerId, reserved.Pseudonym, reason));
        events.Publish(new Matched(peerId, conversationId, request.RequestId, request.Seeker.SeekerId, request.Seeker.Pseudonym, reason));
        OfferToPeer(entry, now);
        PublishQueueUpdates(now);
        return conversationId;
    }

    public Task DeclineOffer(string offerId, string peerId)
    {
        var (_, request) = OpenOffer(offerId, peerId);
        var now = time.GetUtcNow();
        metrics.OfferDeclined(Language);
        queue.CloseOffer(request, passed: true);
        TryOffer(request, now);
        OfferToPeer(peerId, now);
        return Task.CompletedTask;
    }

    public async Task UpdatePeer(PeerSnapshot snapshot)
    {
        if (!snapshot.Languages.Contains(Language))
        {
            await RemovePeer(snapshot.PeerId);
            return;
        }

        var now = time.GetUtcNow();
        var entry = queue.UpsertPeer(snapshot);
        if (snapshot.Available && snapshot.Trained)
        {
            OfferToPeer(entry, now);
            return;
        }

        foreach (var offer in queue.Offers.Where(o => o.PeerId == snapshot.PeerId).ToList())
        {
            var request = queue.FindRequest(offer.RequestId)!;
            queue.CloseOffer(request, passed: false);
            events.Publish(new OfferWithdrawn(offer.PeerId, offer.OfferId, "unavailable"));
            TryOffer(request, now);
        }
    }

    public Task RemovePeer(string peerId)
    {
        var now = time.GetUtcNow();
        foreach (var offer in queue.RemovePeer(peerId))
        {
            events.Publish(new OfferWithdrawn(offer.PeerId, offer.OfferId, "unavailable"));
            TryOffer(queue.FindRequest(offer.RequestId)!, now);
        }

        return Task.CompletedTask;
    }

    public Task<QueueStatus?> GetQueueStatus(string requestId)
    {
        var position = 1;
        var now = time.GetUtcNow();
        foreach (var request in queue.Queue)
        {
            if (request.RequestId == requestId)
            {
                return Task.FromResult<QueueStatus?>(new QueueStatus(requestId, position, estimator.Estimate(now - request.EnqueuedAt), request.Stage, request.Offer?.PeerId));
            }

            position++;
        }

        return Task.FromResult<QueueStatus?>(null);
    }

    public Task<MatchmakerStats> GetStats() =>
        Task.FromResult(new MatchmakerStats(queue.WaitingCount, queue.PeerCount, queue.Offers.Count, estimator.Estimate(TimeSpan.Zero), lastTick));

    public Task<IReadOnlyList<string>> GetWaitingRequests() =>
        Task.FromResult<IReadOnlyList<string>>([.. queue.Queue.Select(r => r.RequestId)]);

    /// <summary>Expires offers, widens searches whose wait crossed a stage, wakes peers whose cool-down ended, and tells seekers.</summary>
    private Task TickAsync()
    {
        var now = time.GetUtcNow();
        foreach (var offer in queue.Offers.Where(o => o.ExpiresAt <= now).ToList())
        {
            Expire(offer, queue.FindRequest(offer.RequestId)!, now);
        }

        foreach (var request in queue.Queue.ToList())
        {
            if (queue.Advance(request, now))
            {
                TryOffer(request, now);
            }
        }

        foreach (var peer in queue.Peers.Where(p => p.Snapshot.CoolDownUntil is { } until && until > lastTick && until <= now).ToList())
        {
            OfferToPeer(peer, now);
        }

        lastTick = now;
        PublishQueueUpdates(now, onTick: true);
        ReportFigures(now);
        return Task.CompletedTask;
    }

    private void Expire(PendingOffer offer, WaitingRequest request, DateTimeOffset now)
    {
        metrics.OfferLapsed(Language);
        queue.CloseOffer(request, passed: true);
        events.Publish(new OfferWithdrawn(offer.PeerId, offer.OfferId, "expired"));
        TryOffer(request, now);
        OfferToPeer(offer.PeerId, now);
    }

    private (PendingOffer Offer, WaitingRequest Request) OpenOffer(string offerId, string peerId)
    {
        var offer = queue.FindOffer(offerId)
            ?? throw new RuleViolationException("offer-unknown", "This offer is no longer open: it was answered, withdrawn or has expired.");
        if (offer.PeerId != peerId)
        {
            throw new RuleViolationException("offer-not-yours", "This offer was made to another peer.");
        }

        return (offer, queue.FindRequest(offer.RequestId)!);
    }

    private void TryOffer(WaitingRequest request, DateTimeOffset now)
    {
        if (request.Offer is null && queue.BestPeerFor(request, now) is { } peer)
        {
            MakeOffer(request, peer, now);
        }
    }

    private void OfferToPeer(string peerId, DateTimeOffset now)
    {
        if (queue.FindPeer(peerId) is { } peer)
        {
            OfferToPeer(peer, now);
        }
    }

    private void OfferToPeer(PeerEntry peer, DateTimeOffset now)
    {
        while (queue.BestRequestFor(peer, now) is { } request)
        {
            MakeOffer(request, peer, now);
        }
    }

    private void MakeOffer(WaitingRequest request, PeerEntry peer, DateTimeOffset now)
    {
        if (!request.Offered)
        {
            request.Offered = true;
            metrics.OfferMade(Language, now - request.EnqueuedAt);
        }

        var offer = queue.MakeOffer(request, peer, PoolIds.New(Language), now);
        events.Publish(new OfferMade(peer.PeerId, offer.OfferId, request.RequestId, request.Request.Identities, request.Request.Topic, offer.ExpiresAt));
    }

    /// <summary>
    /// Tells each waiting seeker their position and stage at once when either changed, and their estimate when it
    /// changed enough to matter; estimate-only news goes out on the tick, at most <see cref="EstimateUpdatesPerTick"/> at a time.
    /// </summary>
    private void PublishQueueUpdates(DateTimeOffset now, bool onTick = false)
    {
        var position = 0;
        var estimateBudget = onTick ? EstimateUpdatesPerTick : 0;
        foreach (var request in queue.Queue)
        {
            position++;
            var estimate = estimator.Estimate(now - request.EnqueuedAt);
            var last = request.LastPublished;
            var moved = last is null || last.Value.Position != position || last.Value.Stage != request.Stage;
            var estimateChanged = last is null
                || (last.Value.Estimate is null) != (estimate is null)
                || Math.Abs((last.Value.Estimate ?? 0) - (estimate ?? 0)) >= EstimateChangeWorthTelling;
            if (!moved && !(estimateChanged && estimateBudget-- > 0))
            {
                continue;
            }

            request.LastPublished = (position, estimate, request.Stage);
            events.Publish(new QueueUpdated(request.Seeker.SeekerId, request.RequestId, position, estimate, request.Stage, DescribeStage(request)));
        }
    }

    private string DescribeStage(WaitingRequest request) => request.Stage switch
    {
        MatchStage.SharedIdentity => $"Looking for someone who is also one of the {string.Join(" or ", request.Request.Identities.Where(queue.Catalog.Contains).Select(id => queue.Catalog.Get(id).Members))}.",
        MatchStage.RelatedIdentity => "Widening the search to people with close experiences.",
        _ => "Widening the search to any trained peer who speaks your language.",
    };

    private async Task RefreshCatalogAsync()
    {
        var catalog = await GrainFactory.GetGrain<IIdentityCatalogGrain>(IdentityCatalogGrain.Key).GetCatalog();
        if (catalog.Version != catalogVersion)
        {
            queue.Catalog = new IdentityCatalog(catalog.Identities);
            catalogVersion = catalog.Version;
        }
    }

    /// <summary>The pool's figures for the metrics, once a tick: the scrape reads these, never the queue itself.</summary>
    private void ReportFigures(DateTimeOffset now)
    {
        var waiting = queue.Queue.GroupBy(r => r.Stage).ToDictionary(g => g.Key, g => g.Count());
        var open = queue.Peers.Where(p => p.HasRoom(now)).ToList();
        metrics.ReportPool(Language, new PoolFigures(
            waiting,
            open.Count,
            open.Sum(p => p.Snapshot.Capacity - p.Load),
            queue.Peers.Where(p => p.Snapshot.ActiveConversations > 0).ToDictionary(p => p.PeerId, p => p.Snapshot.ActiveConversations, StringComparer.Ordinal)));
    }

    private static void ValidateKey(string key, string code)
    {
        try
        {
            GrainKeys.Validate(key);
        }
        catch (ArgumentException e)
        {
            throw new RuleViolationException(code, e.Message);
        }
    }

    private static string NewId() => Guid.NewGuid().ToString("N");
}
