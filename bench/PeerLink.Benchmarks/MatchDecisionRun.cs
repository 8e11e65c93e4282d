using System.Diagnostics;
using PeerLink.Grains.Identities;
using PeerLink.Grains.Matching;

namespace PeerLink.Benchmarks;

/// <summary>
/// Times single matching decisions on the matchmaker's queue: 2,000 available peers over 40 identities,
/// with 1,000 to 100,000 waiting requests. Each decision is timed on its own, so p50 and p99 are per
/// decision. The baseline, in the same run, is <see cref="FullScan"/>: one pass that scores every peer (or
/// every request).
/// </summary>
public static class MatchDecisionRun
{
    private const int Identities = 40;
    private const int PeerCount = 2_000;
    internal static readonly DateTimeOffset Now = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

    public static void Run()
    {
        Console.WriteLine($"Matching decisions: {PeerCount} peers over {Identities} identities, {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd}");
        Console.WriteLine("| waiting | decision | per second | p50 µs | p99 µs | naive per second | indexed / naive |");
        Console.WriteLine("|---:|---|---:|---:|---:|---:|---:|");
        foreach (var waiting in new[] { 1_000, 3_000, 10_000, 30_000, 100_000 })
        {
            var (queue, requests) = Build(waiting, seed: 42);
            var peers = queue.Peers.ToArray();
            var forRequest = Time(requests.Length, 100_000, i => queue.BestPeerFor(requests[i], Now));
            var naiveForRequest = Time(requests.Length, 2_000, i => FullScan.BestPeerFor(queue, requests[i], Now));
            Report(waiting, "best peer for a request", forRequest, naiveForRequest);
            var forPeer = Time(peers.Length, 100_000, i => queue.BestRequestFor(peers[i], Now));
            var naiveForPeer = Time(peers.Length, 200, i => FullScan.BestRequestFor(queue, peers[i], Now));
            Report(waiting, "best request for a peer", forPeer, naiveForPeer);
        }
    }

    internal static (MatchQueue Queue, WaitingRequest[] Requests) Build(int waiting, int seed)
    {
        var random = new Random(seed);
        var identities = Enumerable.Range(0, Identities)
            .Select(i => new Identity($"id{i}", $"Identity {i}", $"members {i}", "", [$"id{(i + 1) % Identities}"]))
            .ToList();
        var options = new MatchingOptions();
        var queue = new MatchQueue(new IdentityCatalog(identities), options);
        for (var p = 0; p < PeerCount; p++)
        {
            queue.UpsertPeer(new PeerSnapshot(
                $"peer{p}", $"Peer {p}", Pick(random), ["en"], Trained: true, Available: true, Capacity: 4,
                ActiveConversations: random.Next(0, 3), CoolDownUntil: null, LastConversationEndedAt: Now.AddMinutes(-random.Next(0, 120)),
                Blocked: new HashSet<string>()));
        }

        var stages = new[] { TimeSpan.Zero, TimeSpan.FromSeconds(45), TimeSpan.FromSeconds(120) };
        var requests = new WaitingRequest[waiting];
        for (var r = 0; r < waiting; r++)
        {
            var seeker = new SeekerSnapshot($"seeker{r}", $"Seeker {r}", new HashSet<string>(), new HashSet<string>());
            // Most requests are fresh; some have waited into the wider stages, as in a real queue.
            var waited = stages[random.Next(10) switch { < 7 => 0, < 9 => 1, _ => 2 }];
            requests[r] = queue.Enqueue($"r{r}", seeker, new MatchRequest(Pick(random), "en"), Now - waited);
            queue.Advance(requests[r], Now);
        }

        return (queue, requests);
    }

    private static string[] Pick(Random random) =>
        [.. Enumerable.Range(0, Identities).OrderBy(_ => random.Next()).Take(random.Next(1, 4)).Select(i => $"id{i}")];

    private static (double PerSecond, double P50, double P99) Time(int count, int decisions, Func<int, object?> decide)
    {
        // Warm up long enough for tiered compilation to reach its optimised code, as BenchmarkDotNet would.
        var warming = Stopwatch.StartNew();
        for (var i = 0; i < decisions && warming.ElapsedMilliseconds < 500; i++)
        {
            decide(i % count);
        }

        var samples = new double[decisions];
        var total = Stopwatch.StartNew();
        for (var i = 0; i < decisions; i++)
        {
            var started = Stopwatch.GetTimestamp();
            decide(i * 7919 % count);
            samples[i] = Stopwatch.GetElapsedTime(started).TotalMicroseconds;
        }

        total.Stop();
        Array.Sort(samples);
        return (decisions / total.Elapsed.TotalSeconds, samples[decisions / 2], samples[(int)(decisions * 0.99)]);
    }

    private static void Report(int waiting, string what, (double PerSecond, double P50, double P99) indexed, (double PerSecond, double P50, double P99) naive) =>
        Console.WriteLine($"| {waiting:N0} | {what} | {indexed.PerSecond:N0} | {indexed.P50:N1} | {indexed.P99:N1} | {naive.PerSecond:N0} | {indexed.PerSecond / naive.PerSecond:N1}× |");
}
