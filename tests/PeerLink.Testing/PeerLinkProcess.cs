using System.Diagnostics;
using System.Text;

namespace PeerLink.Testing;

/// <summary>
/// PeerLink in a process of its own (<c>dotnet PeerLink.Web.dll</c> from the caller's build), so a test can
/// kill it the way a crash would (SIGKILL, no shutdown code runs) and start it again on the same port, and
/// a load run can read the server's own memory.
/// </summary>
/// <param name="appPath">The PeerLink.Web.dll to run, usually <c>typeof(Program).Assembly.Location</c>.</param>
/// <param name="settings">Configuration passed on the command line, such as "PeerLink:Storage:Provider".</param>
public sealed class PeerLinkProcess(string appPath, IReadOnlyDictionary<string, string?> settings) : IAsyncDisposable
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

    /// <summary>Starts the server and completes once it answers /healthz.</summary>
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

        process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await WaitUntilHealthyAsync();
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

    private async Task WaitUntilHealthyAsync()
    {
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
