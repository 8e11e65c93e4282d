using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using PeerLink.Grains.Events;
using PeerLink.Silo.Events;

namespace PeerLink.Silo.Hosting;

public static class PeerLinkHostBuilderExtensions
{
    /// <summary>
    /// Runs a silo with PeerLink's grains in this host: the web host co-hosts one, and PeerLink.Silo's own program is
    /// nothing else. Configured through ConnectionStrings and Orleans' own "Orleans" section (docs/grains.md); with no
    /// Orleans:Clustering the silo runs alone on loopback, the embedded default.
    /// </summary>
    /// <param name="configure">More for the silo, after PeerLink's own: a test's or a benchmark's.</param>
    public static IHostApplicationBuilder AddPeerLinkSilo(this IHostApplicationBuilder builder, Action<ISiloBuilder>? configure = null)
    {
        builder.Configuration.AddPeerLinkDefaults();
        builder.UseOrleans(silo =>
        {
            silo.AddPeerLink();
            if (builder.Configuration.GetSection("Orleans:Clustering").Exists())
            {
                // Orleans binds Orleans:Messaging itself, but has no section for failure detection.
                silo.Services.Configure<ClusterMembershipOptions>(builder.Configuration.GetSection("Orleans:Membership"));
            }
            else
            {
                UseLoopbackAlone(silo, builder.Configuration);
            }

            configure?.Invoke(silo);
        });
        return builder;
    }

    /// <summary>
    /// A silo of its own process, with web nodes as Orleans clients (PeerLink.Silo's program): the events its grains
    /// publish go to those web nodes (<see cref="WebNodeEvents"/>).
    /// </summary>
    public static IHostApplicationBuilder AddPeerLinkDedicatedSilo(this IHostApplicationBuilder builder)
    {
        builder.AddPeerLinkSilo();
        builder.Services.AddSingleton<WebNodeEvents>();
        builder.Services.AddSingleton<IPeerLinkEvents>(sp => sp.GetRequiredService<WebNodeEvents>());
        builder.Services.AddHostedService(sp => sp.GetRequiredService<WebNodeEvents>());
        return builder;
    }

    /// <summary>
    /// One silo, alone on 127.0.0.1. Nobody else dials it, so unless Orleans:Endpoints says otherwise it listens on a
    /// free port (several PeerLinks, such as parallel tests, can run on one machine) and opens no gateway: the web
    /// host's client is in the same process.
    /// </summary>
    private static void UseLoopbackAlone(ISiloBuilder silo, IConfiguration configuration)
    {
        var siloPort = configuration.GetValue<int?>("Orleans:Endpoints:SiloPort") ?? FreeLoopbackPort();
        var gatewayPort = configuration.GetValue<int?>("Orleans:Endpoints:GatewayPort") ?? 0;
        silo.UseLocalhostClustering(siloPort, gatewayPort, serviceId: configuration["Orleans:ServiceId"]!, clusterId: configuration["Orleans:ClusterId"]!);
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
