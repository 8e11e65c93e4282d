using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using PeerLink.Silo.Tests.Grains;

namespace PeerLink.Silo.Tests.Runtime;

public sealed class MetricsTests
{
    [Fact]
    public async Task Calls_activations_latency_and_storage_writes_are_counted()
    {
        await using var silo = await SiloFactory.StartAsync();
        var measured = new ConcurrentDictionary<string, double>();
        var meterFactory = silo.Services.GetRequiredService<IMeterFactory>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            // Other tests run silos at the same time; listen to this silo's meter only.
            if (instrument.Meter.Name == "PeerLink.Silo" && ReferenceEquals(instrument.Meter.Scope, meterFactory))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((i, value, _, _) => measured.AddOrUpdate(i.Name, value, (_, sum) => sum + value));
        listener.SetMeasurementEventCallback<double>((i, value, _, _) => measured.AddOrUpdate(i.Name, 1, (_, n) => n + 1));
        listener.SetMeasurementEventCallback<int>((i, value, _, _) => measured[i.Name] = value);
        listener.Start();

        var counter = silo.GetGrain<ICounterGrain>("metered");
        await counter.Add(1);
        await counter.Add(1);
        await counter.Get();
        listener.RecordObservableInstruments();

        Assert.Equal(3, measured["peerlink.silo.calls"]);
        Assert.Equal(3, measured["peerlink.silo.call.duration"]);
        Assert.Equal(1, measured["peerlink.silo.activations.created"]);
        Assert.Equal(1, measured["peerlink.silo.activations"]);
        Assert.Equal(1, measured["peerlink.silo.storage.reads"]);
        Assert.Equal(2, measured["peerlink.silo.storage.writes"]);
    }
}
