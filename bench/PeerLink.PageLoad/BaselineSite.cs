using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PeerLink.PageLoad;

/// <summary>
/// The baseline: the smallest page that marks itself ready the way PeerLink's pages do, one module script,
/// served from this process on loopback. What it costs is the browser's and the machine's share of a visit, so
/// the seeker page's time divided by it is PeerLink's own.
/// </summary>
internal sealed class BaselineSite(WebApplication app) : IAsyncDisposable
{
    private const string Page = """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>Baseline</title>
        <script type="module" src="/ready.js"></script></head>
        <body><p>Baseline</p></body></html>
        """;

    private const string Script = "performance.mark('peerlink-ready'); document.documentElement.dataset.ready = 'true';";

    public Uri Url { get; } = new(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    public static async Task<BaselineSite> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.MapGet("/", () => Results.Content(Page, "text/html; charset=utf-8"));
        app.MapGet("/ready.js", () => Results.Content(Script, "text/javascript"));
        await app.StartAsync();
        return new BaselineSite(app);
    }

    public ValueTask DisposeAsync() => app.DisposeAsync();
}
