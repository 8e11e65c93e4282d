using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using PeerLink.Grains.Matching;
using PeerLink.Grains.Safety;

namespace PeerLink.Grains.Telemetry;

/// <summary>
/// PeerLink's own meter: how the service serves people. Grains count and time what they do here; the host exports it
/// (OpenTelemetry, /metrics) without the grains knowing how. Gauges read the latest figures each pool and the desk
/// reported from their own turn, so a scrape never reads grain state from another thread. Each silo reports the
/// grains it holds; a cluster's figure is the sum over its silos.
/// </summary>
public sealed class PeerLinkMetrics
{
    public const string MeterName = "PeerLink";

    // Waits people feel, from a blink to half an hour; the exporter's default buckets are for milliseconds.
    private static readonly InstrumentAdvice<double> WaitBuckets = new()
    {
        HistogramBucketBoundaries = [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600, 1800],
    };

    private readonly TimeProvider time;

    private readonly ConcurrentDictionary<string, PoolFigures> pools = new(StringComparer.Ordinal);
    private readonly Histogram<double> requestToOffer;
    private readonly Histogram<double> requestToMatch;
    private readonly Counter<long> offersDeclined;
    private readonly Counter<long> offersLapsed;
    private readonly Counter<long> messages;
    private readonly Counter<long> crisisAlerts;
    private readonly Histogram<double> crisisAlertToModerator;
    private DeskFigures? desk;

    public PeerLinkMetrics(IMeterFactory meterFactory, TimeProvider time)
    {
        this.time = time;
        var meter = meterFactory.Create(MeterName);
        requestToOffer = meter.CreateHistogram("peerlink.matching.request_to_offer", "s", "Time from a seeker's request to its first offer to a peer.", advice: WaitBuckets);
        requestToMatch = meter.CreateHistogram("peerlink.matching.request_to_match", "s", "Time from a seeker's request to a peer accepting it.", advice: WaitBuckets);
        offersDeclined = meter.CreateCounter<long>("peerlink.matching.offers_declined", "{offer}", "Offers a peer declined.");
        offersLapsed = meter.CreateCounter<long>("peerlink.matching.offers_lapsed", "{offer}", "Offers that expired unanswered.");
        messages = meter.CreateCounter<long>("peerlink.messages", "{message}", "Messages stored and delivered, in one-to-one conversations and group rooms.");
        crisisAlerts = meter.CreateCounter<long>("peerlink.crisis.alerts", "{alert}", "Crisis alerts raised to moderators.");
        crisisAlertToModerator = meter.CreateHistogram("peerlink.crisis.alert_to_moderator", "s", "Time from a crisis alert to an on-duty moderator having it in front of them.", advice: WaitBuckets);
        meter.CreateObservableGauge("peerlink.crisis.oldest_unseen_alert_age", ObserveOldestUnseenAlert, "s", "How long the oldest crisis alert no on-duty moderator has seen yet has been waiting; 0 when none waits.");
        meter.CreateObservableGauge("peerlink.matching.waiting", ObserveWaiting, "{request}", "Seekers waiting now, by language and search stage.");
        meter.CreateObservableGauge("peerlink.matching.peers_available", () => ObservePools(p => p.PeersAvailable), "{peer}", "Trained peers available to take a conversation now, by language.");
        meter.CreateObservableGauge("peerlink.matching.peer_free_capacity", () => ObservePools(p => p.FreeCapacity), "{conversation}", "Conversations the available peers could still take, by language.");
        meter.CreateObservableGauge("peerlink.conversations.live", ObserveLiveConversations, "{conversation}", "One-to-one conversations going on now, counted from the connected peers holding them.");
        meter.CreateObservableGauge("peerlink.moderation.open_calls", () => ObserveDesk(d => d.OpenCalls), "{call}", "Moderator calls not yet resolved.");
        meter.CreateObservableGauge("peerlink.moderation.open_reports", () => ObserveDesk(d => d.OpenReports), "{report}", "Reports not yet closed.");
        meter.CreateObservableGauge("peerlink.moderation.open_alerts", () => ObserveDesk(d => d.OpenAlerts), "{alert}", "Crisis alerts not yet resolved.");
    }

    public void OfferMade(string language, TimeSpan sinceRequest) => requestToOffer.Record(sinceRequest.TotalSeconds, Language(language));

    public void Matched(string language, TimeSpan sinceRequest) => requestToMatch.Record(sinceRequest.TotalSeconds, Language(language));

    public void OfferDeclined(string language) => offersDeclined.Add(1, Language(language));

    public void OfferLapsed(string language) => offersLapsed.Add(1, Language(language));

    /// <param name="place">"conversation" or "room".</param>
    public void MessageSent(string place) => messages.Add(1, new KeyValuePair<string, object?>("place", place));

    public void CrisisAlertRaised(RiskLevel level) => crisisAlerts.Add(1, new KeyValuePair<string, object?>("level", level.ToString().ToLowerInvariant()));

    public void CrisisAlertSeen(TimeSpan sinceRaised) => crisisAlertToModerator.Record(Math.Max(0, sinceRaised.TotalSeconds));

    /// <summary>A pool's figures as of now; called from the pool's own turn.</summary>
    public void ReportPool(string language, PoolFigures figures) => pools[language] = figures;

    /// <summary>The desk's figures as of now; called from the desk's own turn.</summary>
    public void ReportDesk(DeskFigures figures) => desk = figures;

    /// <summary>A pool leaving this silo: the silo that activates it next reports it.</summary>
    public void ForgetPool(string language) => pools.TryRemove(language, out _);

    /// <summary>The desk leaving this silo.</summary>
    public void ForgetDesk() => desk = null;

    private IEnumerable<Measurement<int>> ObserveWaiting()
    {
        foreach (var (language, pool) in pools)
        {
            foreach (var stage in Enum.GetValues<MatchStage>())
            {
                yield return new(pool.WaitingByStage.GetValueOrDefault(stage), Language(language), new("stage", StageName(stage)));
            }
        }
    }

    private IEnumerable<Measurement<int>> ObservePools(Func<PoolFigures, int> figure) =>
        pools.Select(p => new Measurement<int>(figure(p.Value), Language(p.Key)));

    // A peer who speaks two languages is in two pools; each conversation is counted once, by its peer.
    private int ObserveLiveConversations() =>
        pools.Values.SelectMany(p => p.ConversationsByPeer).GroupBy(c => c.Key, StringComparer.Ordinal).Sum(g => g.First().Value);

    private IEnumerable<Measurement<int>> ObserveDesk(Func<DeskFigures, int> figure) =>
        desk is { } d ? [new Measurement<int>(figure(d))] : [];

    private IEnumerable<Measurement<double>> ObserveOldestUnseenAlert() => desk switch
    {
        { OldestUnseenAlertRaisedAt: { } raisedAt } => [new Measurement<double>(Math.Max(0, (time.GetUtcNow() - raisedAt).TotalSeconds))],
        not null => [new Measurement<double>(0)],
        null => [],
    };

    private static KeyValuePair<string, object?> Language(string language) => new("language", language);

    private static string StageName(MatchStage stage) => stage switch
    {
        MatchStage.SharedIdentity => "shared-identity",
        MatchStage.RelatedIdentity => "related-identity",
        _ => "any-peer",
    };
}

/// <summary>One language pool's figures at one moment.</summary>
/// <param name="ConversationsByPeer">Each connected peer's conversations going on now, by peer id.</param>
public sealed record PoolFigures(IReadOnlyDictionary<MatchStage, int> WaitingByStage, int PeersAvailable, int FreeCapacity, IReadOnlyDictionary<string, int> ConversationsByPeer);

/// <summary>The moderators' desk's figures at one moment.</summary>
/// <param name="OldestUnseenAlertRaisedAt">When the oldest open alert that no on-duty moderator has seen was raised; null when every open alert has been seen.</param>
public sealed record DeskFigures(int OpenCalls, int OpenReports, int OpenAlerts, DateTimeOffset? OldestUnseenAlertRaisedAt);
