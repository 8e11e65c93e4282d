using System.CommandLine;
using System.Net;
using PeerLink.Load.Hosting;
using PeerLink.Load.Scenario;

namespace PeerLink.Load;

/// <summary>The command line: see BENCHMARKS.md for what a run does and how to read it.</summary>
internal static class LoadTool
{
    public static async Task<int> Main(string[] args)
    {
        var storage = new Option<string>("--storage") { Description = "What to run: memory, redis (appendfsync everysec), cluster (Redis, two web nodes: seekers on one, peers on the other), both (memory and redis, side by side) or all three", DefaultValueFactory = _ => "both" };
        storage.AcceptOnlyFromAmong("memory", "redis", "cluster", "both", "all");
        var server = new Option<string>("--server") { Description = "Start PeerLink in a process of its own (process) or in this one (inproc)", DefaultValueFactory = _ => "process" };
        server.AcceptOnlyFromAmong("process", "inproc");
        var url = new Option<Uri?>("--url") { Description = "Drive a PeerLink already running at this 127.0.0.1 address instead (echo hub on, sign-in limit raised)" };
        var adminUser = new Option<string>("--admin-user") { Description = "With --url: the admin who invites the peers", DefaultValueFactory = _ => ServerSettings.AdminUsername };
        var adminPassword = new Option<string?>("--admin-password") { Description = "With --url: that admin's password" };
        var pid = new Option<int?>("--server-pid") { Description = "With --url: the server's process id, for its memory" };
        var seekers = new Option<int>("--seekers") { Description = "Simulated seekers (guests)", DefaultValueFactory = _ => 4_500 };
        var peers = new Option<int>("--peers") { Description = "Simulated trained peers, each holding one conversation", DefaultValueFactory = _ => 500 };
        var waiting = new Option<int>("--waiting") { Description = "Of the seekers, how many wait for an identity no peer has", DefaultValueFactory = _ => 2_000 };
        var rate = new Option<double>("--rate") { Description = "Messages a second over all conversations", DefaultValueFactory = _ => 2_000 };
        var duration = new Option<int>("--duration") { Description = "Seconds of messages, for PeerLink and again for the echo hub", DefaultValueFactory = _ => 60 };
        var requestRate = new Option<double>("--request-rate") { Description = "Requests a second from the seekers who get matched", DefaultValueFactory = _ => 100 };
        var noBaseline = new Option<bool>("--no-baseline") { Description = "Skip the bare echo hub (for a soak)" };
        var noSettle = new Option<bool>("--no-settle-heap") { Description = "Do not ask the server for a full collection before each timed phase: the first phase then meets what the mass connect left in its young generations" };
        var sampleEvery = new Option<int>("--sample-every") { Description = "Seconds between memory readings while messages flow", DefaultValueFactory = _ => 30 };
        var json = new Option<FileInfo?>("--json") { Description = "Also write the report as JSON to this file" };
        var root = new RootCommand("PeerLink load generator: real WebSockets on loopback against PeerLink and a bare echo hub in the same process")
        {
            storage, server, url, adminUser, adminPassword, pid, seekers, peers, waiting, rate, duration, requestRate, noBaseline, noSettle, sampleEvery, json,
        };
        root.Validators.Add(result =>
        {
            if (result.GetValue(url) is { } u && !(u.IsLoopback && IPAddress.TryParse(u.Host, out _)))
            {
                result.AddError("--url must be a loopback address such as http://127.0.0.1:5000: load is never sent off this machine.");
            }

            if (result.GetValue(url) is not null && result.GetValue(adminPassword) is null)
            {
                result.AddError("--url needs --admin-password: peers are invited and trained by an admin.");
            }
        });

        root.SetAction(async (parsed, cancellationToken) =>
        {
            var options = new LoadOptions
            {
                Seekers = parsed.GetValue(seekers),
                Peers = parsed.GetValue(peers),
                Waiting = parsed.GetValue(waiting),
                MessagesPerSecond = parsed.GetValue(rate),
                Duration = TimeSpan.FromSeconds(parsed.GetValue(duration)),
                RequestsPerSecond = parsed.GetValue(requestRate),
                Baseline = !parsed.GetValue(noBaseline),
                SettleHeap = !parsed.GetValue(noSettle),
                SampleEvery = TimeSpan.FromSeconds(parsed.GetValue(sampleEvery)),
            };
            var running = parsed.GetValue(url);
            var kind = running is not null ? ServerKind.Running : parsed.GetValue(server) == "inproc" ? ServerKind.InProcess : ServerKind.Process;
            var modes = parsed.GetValue(storage) switch
            {
                "both" => new[] { "memory", "redis" },
                "all" => ["memory", "redis", "cluster"],
                var one => [one!],
            };
            var session = new LoadSession(options, kind, Console.Out)
            {
                Running = running is null ? null : (running, parsed.GetValue(adminUser)!, parsed.GetValue(adminPassword)!, parsed.GetValue(pid)),
            };

            if (kind != ServerKind.InProcess)
            {
                Instrument.PreferBackgroundCollections();
            }

            var report = await session.RunAsync(modes, cancellationToken);
            Console.WriteLine();
            report.WriteTable(Console.Out);
            if (parsed.GetValue(json) is { } file)
            {
                file.Directory?.Create();
                await File.WriteAllTextAsync(file.FullName, report.ToJson(), cancellationToken);
                Console.WriteLine($"JSON: {file.FullName}");
            }

            return report.Results.Sum(r => r.Errors) == 0 ? 0 : 1;
        });

        return await root.Parse(args).InvokeAsync();
    }
}
