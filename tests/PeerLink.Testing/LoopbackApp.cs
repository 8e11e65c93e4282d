using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace PeerLink.Testing;

/// <summary>
/// An app on a real Kestrel at 127.0.0.1, started with the given configuration, so clients can reach it over
/// real sockets (WebSockets, a browser, a load run). The test host's in-memory server cannot serve those.
/// </summary>
/// <typeparam name="TEntryPoint">The app's Program.</typeparam>
public abstract class LoopbackApp<TEntryPoint> : WebApplicationFactory<TEntryPoint>
    where TEntryPoint : class
{
    /// <param name="settings">Configuration for the app, such as "PeerLink:Demo:Seed".</param>
    /// <param name="port">The port to listen on; 0 for a free one.</param>
    /// <param name="configure">More for the host, such as a logger that keeps what the app logs.</param>
    protected LoopbackApp(IReadOnlyDictionary<string, string?> settings, int port = 0, Action<IWebHostBuilder>? configure = null)
    {
        Settings = settings;
        this.configure = configure;
        UseKestrel(o => o.Listen(IPAddress.Loopback, port));
        StartServer();
        BaseUrl = new Uri(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    private readonly Action<IWebHostBuilder>? configure;

    /// <summary>Where the app listens, with the port it was given.</summary>
    public Uri BaseUrl { get; }

    protected IReadOnlyDictionary<string, string?> Settings { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        configure?.Invoke(builder);
    }
}
