using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PeerLink.Silo.Hosting;

namespace PeerLink.Benchmarks;

/// <summary>
/// A silo co-hosted in this process exactly as the web host co-hosts one (PeerLink.Silo's AddPeerLinkSilo, with the
/// benchmark grains beside PeerLink's), and the in-process client the web host calls grains through.
/// </summary>
internal sealed class BenchSilo : IDisposable
{
    private readonly IHost host;

    private BenchSilo(IHost host) => this.host = host;

    public IGrainFactory Grains => host.Services.GetRequiredService<IGrainFactory>();

    /// <param name="redisConnectionString">Null for the embedded default, in memory.</param>
    public static BenchSilo Start(string? redisConnectionString = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        if (redisConnectionString is not null)
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                [PeerLinkConfiguration.StorageProvider] = "Redis",
                [PeerLinkConfiguration.StorageRedisConnectionString] = redisConnectionString,
                ["Orleans:ServiceId"] = $"bench-{Guid.NewGuid():N}",
            });
        }

        builder.AddPeerLinkSilo();
        var host = builder.Build();
        host.Start();
        return new BenchSilo(host);
    }

    public void Dispose()
    {
        host.StopAsync().GetAwaiter().GetResult();
        host.Dispose();
    }
}
