using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace PeerLink.Silo.Runtime;

/// <summary>The silo's instruments, on the meter "PeerLink.Silo".</summary>
internal sealed class SiloMetrics
{
    public const string MeterName = "PeerLink.Silo";

    private readonly Meter meter;
    private readonly Counter<long> activationsCreated;
    private readonly Counter<long> activationsRemoved;
    private readonly Counter<long> calls;
    private readonly Counter<long> callTimeouts;
    private readonly Histogram<double> callDuration;
    private readonly Counter<long> storageReads;
    private readonly Counter<long> storageWrites;
    private readonly Counter<long> storageConflicts;

    public SiloMetrics(IMeterFactory meterFactory)
    {
        meter = meterFactory.Create(MeterName);
        activationsCreated = meter.CreateCounter<long>("peerlink.silo.activations.created", description: "Activations that completed OnActivateAsync.");
        activationsRemoved = meter.CreateCounter<long>("peerlink.silo.activations.deactivated", description: "Activations that were deactivated.");
        calls = meter.CreateCounter<long>("peerlink.silo.calls", description: "Grain calls made through references.");
        callTimeouts = meter.CreateCounter<long>("peerlink.silo.calls.timed_out", description: "Grain calls that exceeded the response timeout.");
        callDuration = meter.CreateHistogram<double>("peerlink.silo.call.duration", unit: "ms", description: "Time from a call through a reference to its completion.");
        storageReads = meter.CreateCounter<long>("peerlink.silo.storage.reads", description: "Grain state reads.");
        storageWrites = meter.CreateCounter<long>("peerlink.silo.storage.writes", description: "Grain state writes and clears.");
        storageConflicts = meter.CreateCounter<long>("peerlink.silo.storage.conflicts", description: "Writes rejected because the ETag no longer matched.");
    }

    public void ObserveActivations(Func<int> count) =>
        meter.CreateObservableGauge("peerlink.silo.activations", count, description: "Activations in the catalog now.");

    public void ActivationCreated() => activationsCreated.Add(1);

    public void ActivationRemoved() => activationsRemoved.Add(1);

    public void CallStarted() => calls.Add(1);

    public void CallTimedOut() => callTimeouts.Add(1);

    public void CallCompleted(long startedTimestamp)
    {
        if (callDuration.Enabled)
        {
            callDuration.Record(Stopwatch.GetElapsedTime(startedTimestamp).TotalMilliseconds);
        }
    }

    public void StorageRead() => storageReads.Add(1);

    public void StorageWrite() => storageWrites.Add(1);

    public void StorageConflict() => storageConflicts.Add(1);
}
