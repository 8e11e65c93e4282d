using PeerLink.Load.Hosting;
using PeerLink.Load.Report;
using PeerLink.Testing;

namespace PeerLink.Load;

/// <summary>
/// Runs each storage mode on a server of its own (and, for Redis and the cluster, a redis-server of its own), then
/// reports. "cluster" is Redis storage on two web nodes.
/// </summary>
internal sealed class LoadSession(LoadOptions options, ServerKind kind, TextWriter log)
{
    /// <summary>For <see cref="ServerKind.Running"/>: where it runs, its admin's sign-in and, for memory figures, its process id.</summary>
    public (Uri Url, string AdminUsername, string AdminPassword, int? Pid)? Running { get; init; }

    public async Task<LoadReport> RunAsync(IReadOnlyList<string> storageModes, CancellationToken cancellationToken)
    {
        var machine = Machine.Describe();
        var date = DateTimeOffset.UtcNow;
        var commit = Machine.Commit();
        var results = new List<ModeResult>();
        foreach (var storage in storageModes)
        {
            // Every phase has its own bound; this one catches anything that still hangs.
            using var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            bound.CancelAfter((options.Duration * 2) + TimeSpan.FromMinutes(15));
            await using var redis = storage is "redis" or "cluster" && kind != ServerKind.Running
                ? await RedisServer.StartNewAsync(appendOnly: true, AppendFsync.EverySecond)
                : null;
            await using var server = storage == "cluster"
                ? await StartClusterAsync(redis!)
                : await StartAsync(redis?.ConnectionString);
            results.Add(await new LoadRun(options, log).RunAsync(storage, server, bound.Token));
        }

        return new LoadReport(date, commit, machine, Machine.LoadAverage(), options, results, [.. results.SelectMany(r => Targets.Judge(r, options))]);
    }

    /// <summary>Two web nodes on the run's redis-server, each co-hosting a silo, each in a process of its own.</summary>
    private async Task<PeerLinkServer> StartClusterAsync(RedisServer redis)
    {
        if (kind != ServerKind.Process)
        {
            throw new InvalidOperationException("A cluster run starts its own nodes, each in a process of its own: use --server process and no --url.");
        }

        var password = ServerSettings.NewAdminPassword();
        return await ClusterPeerLink.StartAsync(redis, ServerSettings.For(redis.ConnectionString, password));
    }

    private async Task<PeerLinkServer> StartAsync(string? redisConnectionString)
    {
        var password = ServerSettings.NewAdminPassword();
        var settings = ServerSettings.For(redisConnectionString, password);
        return kind switch
        {
            ServerKind.Process => await ChildProcessPeerLink.StartAsync(settings),
            ServerKind.InProcess => new InProcessPeerLink(settings) { AdminPassword = password },
            _ => Running is var (url, username, adminPassword, pid)
                ? new RunningPeerLink(url, pid) { AdminUsername = username, AdminPassword = adminPassword }
                : throw new InvalidOperationException("A running PeerLink needs --url and the admin's sign-in."),
        };
    }
}
