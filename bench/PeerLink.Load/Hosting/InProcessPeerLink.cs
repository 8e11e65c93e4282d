using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace PeerLink.Load.Hosting;

/// <summary>
/// PeerLink in this process on a real Kestrel at 127.0.0.1. Quick to start, but it shares this process's memory
/// and GC with the load clients, so its resident memory includes theirs.
/// </summary>
internal sealed class InProcessPeerLink : PeerLinkServer
{
    private readonly Factory factory;

    public InProcessPeerLink(IReadOnlyDictionary<string, string?> settings)
    {
        factory = new Factory(settings);
        factory.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        BaseUrl = new Uri(factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    public override Uri BaseUrl { get; }

    public override int? Pid => Environment.ProcessId;

    public override string Description => "in the load tool's process (its memory includes the load clients')";

    public override async ValueTask DisposeAsync() => await factory.DisposeAsync();

    private sealed class Factory(IReadOnlyDictionary<string, string?> settings) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            // PeerLink's appsettings.json and safety.json are copied beside this tool; the source tree may not be there.
            builder.UseContentRoot(AppContext.BaseDirectory);
            builder.UseEnvironment("Production");
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }
        }
    }
}
