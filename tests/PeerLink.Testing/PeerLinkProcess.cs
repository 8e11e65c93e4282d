using System.Diagnostics;
using System.Text;

namespace PeerLink.Testing;

/// <summary>
/// PeerLink in a process of its own (<c>dotnet PeerLink.Web.dll</c> from the caller's build), so a test can
/// kill it the way a crash would (SIGKILL, no shutdown code runs) and start it again on the same port, and
/// a load run can read the server's own memory.
/// </summary>
/// <param name="appPath">The PeerLink.Web.dll to run, usually <c>typeof(Program).Assembly.Location</c>, or PeerLink.Silo.dll.</param>
/// <param name="settings">Configuration passed on the command line, such as "PeerLink:Storage:Provider".</param>
/// <param name="web">Whether it is the web host, ready once /healthz answers; a silo host is ready once it says it started.</param>
public sealed class PeerLinkProcess(string appPath, IReadOnlyDictionary<string, string?> settings, bool web = true) : IAsyncDisposable
{
    private static readonly TimeSpan StartDeadline = TimeSpan.FromSeconds(60);

    // Only the tail is kept: a failure message needs the last lines, and a long run must not grow this.
    private const int KeptOutput = 32 * 1024;

    private readonly StringBuilder output = new();
    private Process? process;

    public Uri BaseUrl { get; } = new($"http://127.0.0.1:{LoopbackPort.Free()}");

    public Uri HubUrl => new(BaseUrl, "/hubs/peerlink");

    /// <summary>The running server's process id; null while it is not running.</summary>
    public int? Pid => process is { HasExited: false } running ? running.Id : null;

    /// <summary>The last lines the server wrote, for a failure message.</summary>
    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    /// <summary>Starts the server and completes once it answers /healthz (a silo host: once it has started).</summary>
    public async Task StartAsync()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(appPath)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(appPath);
        start.ArgumentList.Add($"--urls={BaseUrl}");
        foreach (var (key, value) in settings)
        {
            start.ArgumentList.Add($"--{key}={value}");
        }

        // What a restarted process says is its own; a silo host is ready once this run says it started.
        lock (output)
        {
            output.Clear();
        }

        process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await WaitUntilReadyAsync();
    }

    /// <summary>Kills the process with no chance to clean up, and waits until it is gone.</summary>
    public async Task KillAsync()
    {
        if (process is null)
        {
            return;
        }

        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
        process = null;
    }

    public async ValueTask DisposeAsync() => await KillAsync();

    private async Task WaitUntilReadyAsync()
    {
        if (!web)
        {
            await WaitForOutputAsync("Application started.");
            return;
        }

        using var http = new HttpClient { BaseAddress = BaseUrl, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < StartDeadline)
        {
            if (process!.HasExited)
            {
                throw new InvalidOperationException($"PeerLink exited with code {process.ExitCode} while starting:\n{Output}");
            }

            try
            {
                if ((await http.GetAsync("/healthz")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening, or not answering, yet.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"PeerLink at {BaseUrl} was not healthy after {StartDeadline.TotalSeconds} s:\n{Output}");
    }

    private async Task WaitForOutputAsync(string line)
    {
        var deadline = Stopwatch.StartNew();
        while (!Output.Contains(line, StringComparison.Ordinal))
        {
            if (process!.HasExited)
            {
                throw new InvalidOperationException($"{Path.GetFileName(appPath)} exited with code {process.ExitCode} while starting:\n{Output}");
            }

            if (deadline.Elapsed > StartDeadline)
            {
                throw new TimeoutException($"{Path.GetFileName(appPath)} did not say \"{line}\" within {StartDeadline.TotalSeconds} s:\n{Output}");
            }

            await Task.Delay(100);
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            if (output.Length > 2 * KeptOutput)
            {
                output.Remove(0, output.Length - KeptOutput);
            }

            output.AppendLine(line);
        }
    }
}
