using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace PeerLink.Load.Hosting;

/// <summary>
/// PeerLink as it runs in production, in a process of its own (<c>dotnet PeerLink.Web.dll</c> from this build),
/// so its resident memory and its GC are its own.
/// </summary>
internal sealed class ChildProcessPeerLink : PeerLinkServer
{
    private static readonly TimeSpan StartDeadline = TimeSpan.FromSeconds(60);
    private readonly StringBuilder output = new();
    private readonly Process process;

    private ChildProcessPeerLink(Process process, Uri baseUrl)
    {
        this.process = process;
        BaseUrl = baseUrl;
    }

    public override Uri BaseUrl { get; }

    public override int? Pid => process.HasExited ? null : process.Id;

    public override string Description => "in a process of its own (dotnet PeerLink.Web.dll)";

    public static async Task<ChildProcessPeerLink> StartAsync(IReadOnlyDictionary<string, string?> settings)
    {
        var app = typeof(Program).Assembly.Location;
        var baseUrl = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(app)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(app);
        start.ArgumentList.Add($"--urls={baseUrl}");
        foreach (var (key, value) in settings)
        {
            start.ArgumentList.Add($"--{key}={value}");
        }

        var server = new ChildProcessPeerLink(Process.Start(start)!, baseUrl) { AdminPassword = settings["PeerLink:Admin:Password"]! };
        server.process.OutputDataReceived += (_, e) => server.Append(e.Data);
        server.process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        server.process.BeginOutputReadLine();
        server.process.BeginErrorReadLine();
        try
        {
            await server.WaitUntilHealthyAsync();
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    public override async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            // Keep the tail only: a failure message needs the last lines, and a long run must not grow this.
            if (output.Length > 64 * 1024)
            {
                output.Remove(0, output.Length - (32 * 1024));
            }

            output.AppendLine(line);
        }
    }

    public override string OutputTail()
    {
        lock (output)
        {
            return output.ToString();
        }
    }

    private async Task WaitUntilHealthyAsync()
    {
        using var http = new HttpClient { BaseAddress = BaseUrl, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < StartDeadline)
        {
            if (process.HasExited)
            {
                break;
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
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        throw new InvalidOperationException($"PeerLink did not become healthy at {BaseUrl} within {StartDeadline.TotalSeconds} s. Its output:{Environment.NewLine}{OutputTail()}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
