using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.Reminders;
using Orleans.TestingHost;
using PeerLink.Silo.Hosting;

namespace PeerLink.Testing;

/// <summary>
/// One PeerLink silo on Orleans' <see cref="InProcessTestCluster"/>, configured as the web host configures its own
/// (<see cref="PeerLinkSiloBuilderExtensions.AddPeerLink"/>), with a fake clock. Calls go through a real Orleans
/// client, so every argument and answer is serialized as it would be between processes. The silo can be restarted,
/// gracefully or as after a crash, to prove what Redis keeps.
/// </summary>
public sealed class TestSilo : IAsyncDisposable
{
    private readonly InProcessTestCluster cluster;

    private TestSilo(TestSiloOptions options, InProcessTestCluster cluster)
    {
        Options = options;
        this.cluster = cluster;
    }

    public TestSiloOptions Options { get; }

    public IClusterClient Client => cluster.Client;

    public IGrainFactory GrainFactory => cluster.Client;

    /// <summary>The running silo's own services, such as the options its grains see.</summary>
    public IServiceProvider Services => cluster.Silos[0].SiloHost.Services;

    public static async Task<TestSilo> StartAsync(TestSiloOptions options)
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.Options.ConfigureFileLogging = false;
        builder.Options.ServiceId = options.ServiceId;
        builder.ConfigureSiloHost((_, host) =>
        {
            host.Configuration.AddInMemoryCollection(Settings(options));
            host.Configuration.AddPeerLinkDefaults();
            var services = host.Services;
            services.AddSingleton<TimeProvider>(options.Clock);

            // The grains' clock is fake, but Orleans' own machinery (membership, messaging, response timeouts) keeps real
            // time, so moving the clock by a month does not declare the silo dead. Reminders follow the fake clock too.
            services.UseTimeProviderForBackgroundAreas(TimeProvider.System);
            services.AddKeyedSingleton<TimeProvider>(ReminderTimeProviderNames.Reminders, options.Clock);

            // A test moves the clock by days at once. Orleans holds in memory only the reminders due within this window
            // and would otherwise find a far one only at its next table refresh, after the jump.
            services.Configure<ReminderOptions>(o => o.ReminderLoadingWindow = TimeSpan.FromDays(3650));
            options.ConfigureServices?.Invoke(services);
        });
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddPeerLink();
            options.ConfigureSilo?.Invoke(silo);
        });
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return new TestSilo(options, cluster);
    }

    public static Task<TestSilo> StartAsync(Action<TestSiloOptions> configure)
    {
        var options = new TestSiloOptions();
        configure(options);
        return StartAsync(options);
    }

    public T GetGrain<T>(string key) where T : IGrainWithStringKey => GrainFactory.GetGrain<T>(key);

    /// <summary>Stops the silo gracefully (every grain deactivates) and starts a new one with the same options.</summary>
    public async Task RestartAsync()
    {
        await cluster.RestartSiloAsync(cluster.Silos[0]);
        await cluster.InitializeClientAsync();
    }

    /// <summary>Drops the silo without deactivating anything, as a crash would, and starts a new one.</summary>
    public async Task CrashAndRestartAsync()
    {
        await cluster.KillSiloAsync(cluster.Silos[0]);
        await cluster.StartAdditionalSiloAsync();
        await cluster.InitializeClientAsync();
    }

    /// <summary>Stops the silo, as a shutdown would, and leaves it stopped until <see cref="StartAgainAsync"/>.</summary>
    public async Task StopAsync()
    {
        await cluster.StopClusterClientAsync();
        await cluster.StopSiloAsync(cluster.Silos[0]);
    }

    /// <summary>Starts a silo again after <see cref="StopAsync"/>, with the same options.</summary>
    public async Task StartAgainAsync()
    {
        await cluster.StartAdditionalSiloAsync();
        await cluster.InitializeClientAsync();
    }

    public ValueTask DisposeAsync() => cluster.DisposeAsync();

    private static Dictionary<string, string?> Settings(TestSiloOptions options)
    {
        var settings = new Dictionary<string, string?>(options.Settings);
        if (options.RedisConnectionString is { } redis)
        {
            settings[PeerLinkConfiguration.StorageProvider] = "Redis";
            settings[PeerLinkConfiguration.StorageRedisConnectionString] = redis;
        }

        return settings;
    }
}
