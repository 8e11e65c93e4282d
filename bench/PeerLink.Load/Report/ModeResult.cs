using PeerLink.Load.Scenario;

namespace PeerLink.Load.Report;

/// <summary>Everything one storage mode's run measured. Memory in MB (KB per person), latencies in milliseconds.</summary>
/// <param name="HeapSettled">Whether the server collected its heap in full before each timed phase.</param>
internal sealed record ModeResult(
    string Storage,
    string Server,
    bool HeapSettled,
    PeopleFigures People,
    MemoryFigures Memory,
    LatencyFigures RequestToOffer,
    LatencyFigures RequestToMatch,
    MessageFigures Messages,
    MessageFigures? Baseline,
    BaselineRatios? VersusBaseline,
    long Errors,
    IReadOnlyList<ErrorCount> ErrorsByKind);

/// <param name="HeldSeconds">How long everyone stayed connected, from the last connection opened to the first closed.</param>
internal sealed record PeopleFigures(int Seekers, int Peers, int Waiting, int Matched, int Connected, double SignInSeconds, double ConnectSeconds, double HeldSeconds);

/// <param name="PerPersonKb">(connected − idle) / people connected: what each connected, idle person costs the server.</param>
internal sealed record MemoryFigures(
    double? IdleMb,
    double? ConnectedMb,
    double? PerPersonKb,
    double? MessagesStartMb,
    double? MessagesEndMb,
    IReadOnlyList<MemorySample> DuringMessages);

internal sealed record MemorySample(double Seconds, double? Mb);

/// <summary>PeerLink over the bare echo hub, at the same rate in the same process: 1 means no cost at all.</summary>
internal sealed record BaselineRatios(double? LatencyP50, double? LatencyP99, double? Throughput)
{
    public static BaselineRatios Of(MessageFigures peerLink, MessageFigures bare) => new(
        Ratio(peerLink.Latency.P50, bare.Latency.P50),
        Ratio(peerLink.Latency.P99, bare.Latency.P99),
        Ratio(peerLink.DeliveredPerSecond, bare.DeliveredPerSecond));

    private static double? Ratio(double? a, double? b) => a is { } x && b is { } y && y > 0 ? Math.Round(x / y, 2) : null;
}
