using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace PeerLink.Testing;

/// <summary>
/// A real redis-server on a free loopback port, in a temp directory of its own. Stop it and start it
/// again to simulate an outage: it comes back on the same port and directory, so with
/// <c>appendOnly</c> its data survives. Disposing stops it and deletes the directory.
/// </summary>
/// <param name="appendOnly">Append every write to a file, so data survives a stop.</param>
/// <param name="fsync">
/// With <paramref name="appendOnly"/>, when the file is flushed to disk: before every answer (the default, nothing
/// lost), or once a second as deploy/redis.conf does in production (at most the last second lost).
/// </param>
public sealed class RedisServer(bool appendOnly = false, AppendFsync fsync = AppendFsync.Always) : IAsyncDisposable
{
    private static readonly TimeSpan StartDeadline = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan StopDeadline = TimeSpan.FromSeconds(10);

    private readonly DirectoryInfo directory = Directory.CreateTempSubdirectory("peerlink-redis-");
    private int? pid;

    public int Port { get; } = LoopbackPort.Free();

    public string ConnectionString => $"127.0.0.1:{Port}";

    private string PidFile => Path.Combine(directory.FullName, "redis.pid");

    private string LogFile => Path.Combine(directory.FullName, "redis.log");

    public static async Task<RedisServer> StartNewAsync(bool appendOnly = false, AppendFsync fsync = AppendFsync.Always)
    {
        var server = new RedisServer(appendOnly, fsync);
        try
        {
            await server.StartAsync();
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts redis-server and completes once it answers PING.</summary>
    public async Task StartAsync()
    {
        if (pid is not null)
        {
            throw new InvalidOperationException($"redis-server on port {Port} is already running.");
        }

        var start = new ProcessStartInfo(FindRedisServer()) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in Arguments())
        {
            start.ArgumentList.Add(argument);
        }

        // --daemonize makes this process fork the server and exit at once.
        using (var launcher = Process.Start(start)!)
        {
            await launcher.WaitForExitAsync();
            if (launcher.ExitCode != 0)
            {
                throw new InvalidOperationException(
                    $"redis-server exited with code {launcher.ExitCode}: {await launcher.StandardError.ReadToEndAsync()}{await launcher.StandardOutput.ReadToEndAsync()}");
            }
        }

        try
        {
            await WaitUntilAnsweringAsync();
        }
        finally
        {
            // Also when it never answered: a server that started late must still be stopped on dispose.
            pid = File.Exists(PidFile) && int.TryParse(await File.ReadAllTextAsync(PidFile), out var id) ? id : null;
        }
    }

    /// <summary>Kills the server, as a crash would, and completes once the process is gone.</summary>
    public async Task StopAsync()
    {
        if (pid is not int id)
        {
            return;
        }

        try
        {
            using var process = Process.GetProcessById(id);
            process.Kill();
        }
        catch (ArgumentException)
        {
            // Already gone.
        }

        var deadline = Stopwatch.StartNew();
        while (IsRunning(id))
        {
            if (deadline.Elapsed > StopDeadline)
            {
                throw new TimeoutException($"redis-server (pid {id}) on port {Port} was still running {StopDeadline.TotalSeconds} s after it was killed.");
            }

            await Task.Delay(20);
        }

        // A killed server leaves its pid file; a stale one would be taken for the next start's.
        File.Delete(PidFile);
        pid = null;
    }

    /// <summary>
    /// Holds every client command for <paramref name="duration"/> (CLIENT PAUSE) while keeping
    /// connections open, as a hung server would.
    /// </summary>
    public async Task PauseClientsAsync(TimeSpan duration)
    {
        var reply = await SendAsync($"CLIENT PAUSE {(long)duration.TotalMilliseconds} ALL");
        if (reply != "+OK")
        {
            throw new InvalidOperationException($"CLIENT PAUSE on port {Port} answered '{reply}'.");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        directory.Delete(recursive: true);
    }

    private IEnumerable<string> Arguments()
    {
        string[] common =
        [
            "--port", $"{Port}", "--bind", "127.0.0.1", "--save", "", "--daemonize", "yes",
            "--dir", directory.FullName, "--pidfile", PidFile, "--logfile", LogFile,
        ];
        string[] persistence = appendOnly ? ["--appendonly", "yes", "--appendfsync", fsync == AppendFsync.Always ? "always" : "everysec"] : ["--appendonly", "no"];
        return [.. common, .. persistence];
    }

    private async Task WaitUntilAnsweringAsync()
    {
        var deadline = Stopwatch.StartNew();
        while (await TrySendAsync("PING") != "+PONG" || !File.Exists(PidFile))
        {
            if (deadline.Elapsed > StartDeadline)
            {
                var log = File.Exists(LogFile) ? await File.ReadAllTextAsync(LogFile) : "(no log written)";
                throw new InvalidOperationException(
                    $"redis-server did not answer PING on port {Port} within {StartDeadline.TotalSeconds} s. Its log:{Environment.NewLine}{log}");
            }

            await Task.Delay(20);
        }
    }

    private async Task<string?> TrySendAsync(string command)
    {
        try
        {
            return await SendAsync(command);
        }
        catch (Exception e) when (e is SocketException or IOException or OperationCanceledException)
        {
            return null;
        }
    }

    /// <summary>Sends one inline command on a new connection and returns the first line of the reply.</summary>
    private async Task<string> SendAsync(string command)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, Port, timeout.Token);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(command + "\r\n"), timeout.Token);
        using var reader = new StreamReader(stream, Encoding.ASCII);
        return await reader.ReadLineAsync(timeout.Token) ?? "";
    }

    private static string FindRedisServer() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, "redis-server"))
            .FirstOrDefault(File.Exists)
        ?? throw new InvalidOperationException(
            "redis-server is not installed (it is not on PATH). Install it with: apt-get install -y redis-server");

    /// <summary>Whether the process still exists: a zombie has already closed its port and files, so it counts as gone.</summary>
    private static bool IsRunning(int id)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{id}/stat");
            var state = stat[stat.LastIndexOf(')') + 2];
            return state is not ('Z' or 'X');
        }
        catch (IOException)
        {
            return false;
        }
    }
}
