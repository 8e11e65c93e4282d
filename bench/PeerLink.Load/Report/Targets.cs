namespace PeerLink.Load.Report;

/// <summary>One of issue #7's targets for this 2-core machine, judged on one mode's figures.</summary>
internal sealed record TargetVerdict(string Storage, string Target, string Measured, string Verdict);

internal static class Targets
{
    public static IEnumerable<TargetVerdict> Judge(ModeResult r, LoadOptions options)
    {
        var memory = r.Storage == "memory";
        var people = r.People.Connected;
        yield return Verdict(
            r, "5,000 connected people held 60 s, no errors",
            $"{people} held {r.People.HeldSeconds} s, {r.Errors} errors",
            people >= 5_000 && r.People.HeldSeconds >= 60,
            r.Errors == 0);

        // Across two nodes the target is looser: every message takes a trip through Redis between them.
        var limit = memory ? 25 : r.Storage == "cluster" ? 50 : 40;
        yield return Verdict(
            r, $"2,000 messages/s, p99 < {limit} ms",
            $"{r.Messages.DeliveredPerSecond}/s, p99 {r.Messages.Latency.P99} ms",
            options.MessagesPerSecond >= 2_000,
            r.Messages.DeliveredPerSecond >= options.MessagesPerSecond * 0.99 && r.Messages.Latency.P99 < limit);

        if (memory)
        {
            yield return Verdict(
                r, "ratio to the bare echo hub <= 1.5 (latency p50 and p99)",
                $"p50 x{r.VersusBaseline?.LatencyP50}, p99 x{r.VersusBaseline?.LatencyP99}, throughput x{r.VersusBaseline?.Throughput}",
                r.VersusBaseline is not null && options.MessagesPerSecond >= 2_000,
                r.VersusBaseline is { LatencyP50: <= 1.5, LatencyP99: <= 1.5 });
        }

        yield return Verdict(
            r, "server memory < 64 KB per connected idle person",
            $"{r.Memory.PerPersonKb} KB",
            r.Memory.PerPersonKb is not null && people >= 1_000,
            r.Memory.PerPersonKb < 64);

        yield return Verdict(
            r, "request to offer p99 < 50 ms, 2,000 waiting and 500 peers",
            $"p99 {r.RequestToOffer.P99} ms with {r.People.Waiting} waiting, {r.People.Peers} peers",
            r.People.Waiting >= 2_000 && r.People.Peers >= 500,
            r.RequestToOffer.P99 < 50);
    }

    private static TargetVerdict Verdict(ModeResult r, string target, string measured, bool applies, bool met) =>
        new(r.Storage, target, measured, !applies ? "not judged: the run was smaller than the target's" : met ? "met" : "MISSED");
}
