using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PeerLink.Load.Report;

/// <summary>The whole run, as written to JSON: when, where, on which commit, with which settings, and what it found.</summary>
internal sealed record LoadReport(
    DateTimeOffset Date,
    string Commit,
    Machine Machine,
    string LoadAverageAtEnd,
    LoadOptions Options,
    IReadOnlyList<ModeResult> Results,
    IReadOnlyList<TargetVerdict> Targets)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,

        // A file for people and scripts, never embedded in HTML: "c46a1fc+changes" rather than "\u002B".
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>A Markdown table, one column per storage mode, ready for BENCHMARKS.md.</summary>
    public void WriteTable(TextWriter output)
    {
        output.WriteLine($"PeerLink load run, {Date:yyyy-MM-dd HH:mm} UTC, commit {Commit}");
        output.WriteLine($"{Machine.Cores} cores ({Machine.Cpu}), {Machine.MemoryGiB} GiB, {Machine.Os}, {Machine.Runtime}");
        output.WriteLine($"load average at start {Machine.LoadAverageAtStart}, at end {LoadAverageAtEnd} (above {Machine.Cores}, others were using the machine too)");
        output.WriteLine();
        output.WriteLine($"| figure | {string.Join(" | ", Results.Select(r => r.Storage))} |");
        output.WriteLine($"|---|{string.Concat(Results.Select(_ => "---:|"))}");
        Row("people connected (seekers + peers)", r => $"{r.People.Connected:N0} ({r.People.Seekers:N0} + {r.People.Peers:N0})");
        Row("held connected", r => $"{r.People.HeldSeconds} s");
        Row("server heap collected in full before each timed phase", r => r.HeapSettled ? "yes" : "no");
        Row("waiting seekers / conversations", r => $"{r.People.Waiting:N0} / {r.People.Matched:N0}");
        Row("server RSS idle → all connected", r => $"{r.Memory.IdleMb} → {r.Memory.ConnectedMb} MB");
        Row("**memory per connected idle person**", r => $"**{r.Memory.PerPersonKb} KB**");
        Row("request → offer p50 / p95 / **p99**", r => Latency(r.RequestToOffer));
        Row("request → match p50 / p95 / p99", r => Latency(r.RequestToMatch));
        Row("messages: target → delivered per second", r => $"{r.Messages.TargetPerSecond:N0} → {r.Messages.DeliveredPerSecond:N0}");
        Row("**message latency** p50 / p95 / **p99**", r => Latency(r.Messages.Latency));
        Row("SendMessage acknowledged p50 / p95 / p99", r => Latency(r.Messages.AckLatency));
        Row("bare echo hub: delivered per second", r => r.Baseline is { } b ? $"{b.DeliveredPerSecond:N0}" : "not run");
        Row("bare echo hub latency p50 / p95 / p99", r => r.Baseline is { } b ? Latency(b.Latency) : "not run");
        Row("**PeerLink / bare**: latency p50, p99; throughput", r => r.VersusBaseline is { } v ? $"**×{v.LatencyP50}, ×{v.LatencyP99}**; ×{v.Throughput}" : "not run");
        Row("load tool's own GC while PeerLink's messages flowed: collections (gen 2), paused", r => Tool(r.Messages.ToolCollections));
        Row("load tool's own GC during the echo hub's: collections (gen 2), paused", r => r.Baseline is { } b ? Tool(b.ToolCollections) : "not run");
        Row("server RSS while messages flowed: start → end", r => $"{r.Memory.MessagesStartMb} → {r.Memory.MessagesEndMb} MB");
        Row("**errors**", r => r.Errors == 0 ? "**0**" : $"**{r.Errors}**: {string.Join(", ", r.ErrorsByKind.Select(e => $"{e.Kind} {e.Count}"))}");
        output.WriteLine();
        output.WriteLine("| mode | target | measured | verdict |");
        output.WriteLine("|---|---|---|---|");
        foreach (var t in Targets)
        {
            output.WriteLine($"| {t.Storage} | {t.Target} | {t.Measured} | {t.Verdict} |");
        }

        foreach (var kind in Results.SelectMany(r => r.ErrorsByKind.Select(e => (r.Storage, e))))
        {
            output.WriteLine($"{kind.Storage}: {kind.e.Count} × {kind.e.Kind}, first: {kind.e.First}");
        }

        void Row(string name, Func<ModeResult, string> cell) => output.WriteLine($"| {name} | {string.Join(" | ", Results.Select(cell))} |");
    }

    private static string Tool(Scenario.ToolCollections c) => $"{c.Collections:N0} ({c.FullCollections:N0}), {c.PausedMs:N1} ms";

    private static string Latency(Scenario.LatencyFigures f) => f.Count == 0 ? "none" : $"{f.P50} / {f.P95} / {f.P99} ms";
}
