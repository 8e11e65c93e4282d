using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using PeerLink.Grains.Moderation;
using PeerLink.Grains.People;
using PeerLink.Grains.Telemetry;

namespace PeerLink.Grains.Tests;

public sealed class MetricsTests
{
    [Fact]
    public async Task A_crisis_alert_raised_while_nobody_is_on_duty_is_timed_until_a_moderator_goes_on_duty()
    {
        await using var app = await PeerLinkSilo.StartAsync();
        using var metrics = new SiloMetrics(app);
        var id = await app.StartConversationAsync();

        var desk = app.Silo.GetGrain<IModerationGrain>(ModerationGrain.Key);

        await app.Conversation(id).SendMessage("s", "I want to kill myself");
        // The dashboard can show the alert while the desk is still storing it; the figures follow once it is stored.
        await Eventually.TrueAsync(() => metrics.Observe("peerlink.moderation.open_alerts") == 1, "the desk reported the alert");
        app.Clock.Advance(TimeSpan.FromSeconds(90));
        var waitingAge = metrics.Observe("peerlink.crisis.oldest_unseen_alert_age");
        await app.Person("mod").Register("Moderator mod", Role.Moderator);
        await desk.SetOnDuty("mod", onDuty: true);

        Assert.Equal(90, waitingAge);
        Assert.Equal([90.0], metrics.Recorded("peerlink.crisis.alert_to_moderator"));
        Assert.Equal(0, metrics.Observe("peerlink.crisis.oldest_unseen_alert_age"));
        Assert.Equal(1, metrics.Observe("peerlink.moderation.open_alerts"));
    }

    [Fact]
    public async Task An_alert_with_a_moderator_on_duty_is_seen_at_once_and_counted_by_level()
    {
        await using var app = await PeerLinkSilo.StartAsync();
        using var metrics = new SiloMetrics(app);
        var id = await app.StartConversationAsync();
        await SafetyInConversationTests.OnDutyModeratorAsync(app, "mod");

        await app.Conversation(id).SendMessage("s", "I want to kill myself");
        await app.Events.WaitFor<Events.CrisisAlertRaised>("mod");

        Assert.Equal([0.0], metrics.Recorded("peerlink.crisis.alert_to_moderator"));
        Assert.Equal([1.0], metrics.Recorded("peerlink.crisis.alerts", ("level", "high")));
        Assert.Equal([1.0], metrics.Recorded("peerlink.messages", ("place", "conversation")));
    }

    /// <summary>Listens to one test silo's PeerLink meter only: other tests run silos in this process at the same time.</summary>
    private sealed class SiloMetrics : IDisposable
    {
        private readonly MeterListener listener = new();
        private readonly ConcurrentQueue<(string Name, double Value, KeyValuePair<string, object?>[] Tags)> measurements = new();

        public SiloMetrics(PeerLinkSilo app)
        {
            var factory = app.Silo.Services.GetRequiredService<IMeterFactory>();
            listener.InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == PeerLinkMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, factory))
                {
                    l.EnableMeasurementEvents(instrument);
                }
            };
            listener.SetMeasurementEventCallback<double>((i, value, tags, _) => measurements.Enqueue((i.Name, value, tags.ToArray())));
            listener.SetMeasurementEventCallback<long>((i, value, tags, _) => measurements.Enqueue((i.Name, value, tags.ToArray())));
            listener.SetMeasurementEventCallback<int>((i, value, tags, _) => measurements.Enqueue((i.Name, value, tags.ToArray())));
            listener.Start();
        }

        public IReadOnlyList<double> Recorded(string name, params (string Key, string Value)[] tags) =>
            [.. measurements.Where(m => m.Name == name && tags.All(t => m.Tags.Any(x => x.Key == t.Key && Equals(x.Value, t.Value)))).Select(m => m.Value)];

        /// <summary>Reads an observable gauge now.</summary>
        public double? Observe(string name)
        {
            measurements.Clear();
            listener.RecordObservableInstruments();
            return Recorded(name) is [.., var last] ? last : null;
        }

        public void Dispose() => listener.Dispose();
    }
}
