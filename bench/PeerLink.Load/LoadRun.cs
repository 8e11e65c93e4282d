using System.Diagnostics;
using PeerLink.Load.Hosting;
using PeerLink.Load.Report;
using PeerLink.Load.Scenario;

namespace PeerLink.Load;

/// <summary>
/// One storage mode against one server: sign everyone in, connect them all, queue the waiting crowd, match
/// seekers with peers, send messages at the target rate, end the conversations, then the bare echo hub at the
/// same rate in the same process. Everyone stays connected throughout.
/// </summary>
internal sealed class LoadRun(LoadOptions options, TextWriter log)
{
    private const double WaitingRequestsPerSecond = 500;

    public async Task<ModeResult> RunAsync(string storage, PeerLinkServer server, CancellationToken cancellationToken)
    {
        var errors = new ErrorLog();
        Say($"{storage}: PeerLink {server.Description}, at {server.BaseUrl}");
        await Task.Delay(options.Settle, cancellationToken);
        var idle = server.ResidentBytes();

        var clock = Stopwatch.StartNew();
        using var signIns = new SignIns(server, errors);
        var peers = await signIns.PeersAsync(options.Peers, Matching.PeerIdentities, cancellationToken);
        var seekers = await signIns.GuestsAsync(options.Seekers, cancellationToken);
        var signInSeconds = Seconds(clock);
        Say($"{storage}: signed in {seekers.Count} seekers and {peers.Count} trained peers in {signInSeconds} s");

        clock.Restart();
        await using var crowd = new Crowd(errors);
        peers = await crowd.ConnectAsync(server.PeerHubUrl, peers, cancellationToken);
        seekers = await crowd.ConnectAsync(server.HubUrl, seekers, cancellationToken);
        var connectSeconds = Seconds(clock);
        var held = Stopwatch.StartNew();
        var people = crowd.Count;
        Say($"{storage}: {people} connected in {connectSeconds} s");
        await Task.Delay(options.Settle, cancellationToken);
        var connected = server.ResidentBytes();
        var perPerson = idle is { } i && connected is { } c && people > 0 ? Math.Round((c - i) / 1024.0 / people, 1) : (double?)null;
        Say($"{storage}: resident memory {ProcessMemory.Megabytes(idle)} MB idle, {ProcessMemory.Megabytes(connected)} MB with everyone connected: {perPerson} KB a person");

        using var heap = new HeapSettler(server, errors);
        async Task BeforeTimingAsync()
        {
            Instrument.CollectBeforeTiming(server);
            if (options.SettleHeap)
            {
                await heap.SettleAsync(cancellationToken);
            }
        }

        var matching = new Matching(errors);
        matching.Listen(seekers, peers);
        await matching.SetAvailableAsync(peers, cancellationToken);
        var matchedCount = Math.Min(peers.Count, seekers.Count);
        var waiting = seekers.Skip(matchedCount).Take(options.Waiting).ToList();
        await matching.QueueWaitingAsync(waiting, WaitingRequestsPerSecond, cancellationToken);
        await BeforeTimingAsync();
        Say($"{storage}: {waiting.Count} seekers waiting; {matchedCount} more ask for a peer, {options.RequestsPerSecond} a second");
        await matching.RequestMatchesAsync([.. seekers.Take(matchedCount)], options.RequestsPerSecond, cancellationToken);
        var conversations = matching.Conversations;
        Say($"{storage}: {conversations.Count} conversations; request to offer p99 {matching.RequestToOffer.Percentile(99)} ms");

        var driver = new MessageDriver(errors);
        await BeforeTimingAsync();
        Say($"{storage}: {options.MessagesPerSecond} messages a second for {options.Duration.TotalSeconds} s "
            + $"({(conversations.Count > 0 ? options.MessagesPerSecond / conversations.Count / 2 : 0):0.##} a second from each person)");
        var samples = new List<MemorySample>();
        var messagesStart = server.ResidentBytes();
        MessageFigures messages;
        using (var sampling = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            var sampler = SampleAsync(server, samples, sampling.Token);
            messages = await driver.RunAsync(conversations, options.MessagesPerSecond, options.Duration, "message", cancellationToken);
            await sampling.CancelAsync();
            await sampler;
        }

        var messagesEnd = server.ResidentBytes();
        Say($"{storage}: delivered {messages.DeliveredPerSecond} a second, p50 {messages.Latency.P50} ms, p99 {messages.Latency.P99} ms");
        await matching.EndAllAsync(conversations, cancellationToken);

        MessageFigures? baseline = null;
        if (options.Baseline)
        {
            var rooms = await OpenEchoRoomsAsync(crowd, server, conversations.Count, errors, cancellationToken);
            await BeforeTimingAsync();
            baseline = await driver.RunAsync(rooms, options.MessagesPerSecond, options.Duration, "echo", cancellationToken);
            Say($"{storage}: bare echo hub delivered {baseline.DeliveredPerSecond} a second, p50 {baseline.Latency.P50} ms, p99 {baseline.Latency.P99} ms");
        }

        var heldSeconds = Seconds(held);
        if (errors.Total > 0 && server.OutputTail() is { Length: > 0 } tail)
        {
            Say($"{storage}: there were errors; the server's last output:{Environment.NewLine}{tail}");
        }

        return new ModeResult(
            storage,
            server.Description,
            options.SettleHeap && heap.Settled,
            new PeopleFigures(seekers.Count, peers.Count, waiting.Count, conversations.Count, people, signInSeconds, connectSeconds, heldSeconds),
            new MemoryFigures(ProcessMemory.Megabytes(idle), ProcessMemory.Megabytes(connected), perPerson, ProcessMemory.Megabytes(messagesStart), ProcessMemory.Megabytes(messagesEnd), samples),
            matching.RequestToOffer.Figures(),
            matching.RequestToMatch.Figures(),
            messages,
            baseline,
            baseline is null ? null : BaselineRatios.Of(messages, baseline),
            errors.Total,
            errors.Snapshot());
    }

    /// <summary>
    /// Two anonymous connections per room on the echo hub, one room for each PeerLink conversation, placed as a
    /// conversation's seeker and peer are (on a cluster, one on each node).
    /// </summary>
    private static async Task<IReadOnlyList<Pair>> OpenEchoRoomsAsync(Crowd crowd, PeerLinkServer server, int count, ErrorLog errors, CancellationToken cancellationToken)
    {
        var rooms = new Pair?[count];
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 32, CancellationToken = cancellationToken }, async (i, ct) =>
        {
            try
            {
                var room = $"room-{i}";
                var a = await crowd.OpenAsync(server.EchoUrl, null, ct);
                var b = await crowd.OpenAsync(server.PeerEchoUrl, null, ct);
                await a.InvokeAsync("Join", room);
                await b.InvokeAsync("Join", room);
                rooms[i] = new Pair(room, a, b);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                errors.Add("echo-connect", e);
            }
        });
        return [.. rooms.OfType<Pair>()];
    }

    private async Task SampleAsync(PeerLinkServer server, List<MemorySample> samples, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        using var timer = new PeriodicTimer(options.SampleEvery);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                samples.Add(new MemorySample(Seconds(clock), ProcessMemory.Megabytes(server.ResidentBytes())));
            }
        }
        catch (OperationCanceledException)
        {
            // The messages are done.
        }
    }

    private static double Seconds(Stopwatch clock) => Math.Round(clock.Elapsed.TotalSeconds, 1);

    private void Say(string line) => log.WriteLine($"[{DateTime.Now:HH:mm:ss}] {line}");
}
