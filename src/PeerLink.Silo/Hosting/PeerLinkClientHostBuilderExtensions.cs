using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PeerLink.Grains;

namespace PeerLink.Silo.Hosting;

public static class PeerLinkClientHostBuilderExtensions
{
    // What an Orleans client reads of the "Orleans" section. Grain storage and reminders are the silos' own: a client
    // given them looks for client providers of them, which do not exist.
    private static readonly string[] ClientKeys = ["ClusterId", "ServiceId", "Clustering", "Messaging", "Gateway"];

    /// <summary>
    /// Makes this host an Orleans client of dedicated silos (PeerLink.Silo), which it finds through Orleans:Clustering
    /// as the silos find each other. It takes the silos' own settings: of the "Orleans" section the client reads only
    /// the cluster's ids, its clustering and its messaging, and PeerLink's Redis users on this host get the same
    /// connections as on a silo.
    /// </summary>
    public static IHostApplicationBuilder AddPeerLinkClient(this IHostApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        configuration.AddPeerLinkDefaults();
        if (PeerLinkStorage.ClusterConnectionName(configuration) is null)
        {
            throw new InvalidOperationException(
                "A web node that runs as an Orleans client finds the silos through their cluster: set Orleans:Clustering:ProviderType to Redis, with the silos' other Orleans settings (docs/cluster.md).");
        }

        // The edge reads the same domain options as the grains (the languages, the crisis lines), checked the same way.
        builder.Services.AddPeerLinkGrains();
        builder.Services.AddPeerLinkRedisConnections(configuration);
        builder.Services.AddSingleton(PeerLinkStorage.From(configuration));

        var orleans = configuration.GetSection("Orleans");
        var clientSettings = new ConfigurationBuilder()
            .AddInMemoryCollection(ClientKeys.SelectMany(key => orleans.GetSection(key).AsEnumerable()))
            .Build();
        builder.Services.AddOrleansClient(clientSettings, _ => { });
        return builder;
    }
}
