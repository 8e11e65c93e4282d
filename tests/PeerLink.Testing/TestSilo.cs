using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PeerLink.Silo;
using PeerLink.Silo.Hosting;

namespace PeerLink.Testing;

/// <summary>
/// An in-process silo for tests, like Orleans' test cluster: start it with memory or Redis storage, get
/// grains, reach its services, and restart it, gracefully or as after a crash, to prove state survives.
/// </summary>
public sealed class TestSilo : IAsyncDisposable
{
    private IHost host;

    private TestSilo(TestSiloOptions options, IHost host)
    {
        Options = options;
        this.host = host;
    }

    public TestSiloOptions Options { get; }

    public IServiceProvider Services => host.Services;

    public IGrainFactory GrainFactory => Services.GetRequiredService<IGrainFactory>();

    public ISiloManagement Management => Services.GetRequiredService<ISiloManagement>();

    public static async Task<TestSilo> StartAsync(TestSiloOptions options) => new(options, await StartHostAsync(options));

    public static Task<TestSilo> StartAsync(Action<TestSiloOptions> configure)
    {
        var options = new TestSiloOptions();
        configure(options);
        return StartAsync(options);
    }

    /// <summary>Stops the silo gracefully (every grain deactivates) and starts a new one with the same options.</summary>
    public async Task RestartAsync()
    {
        await host.StopAsync();
        host.Dispose();
        host = await StartHostAsync(Options);
    }

    /// <summary>Drops the silo without deactivating anything, as a crash would, and starts a new one.</summary>
    public async Task CrashAndRestartAsync()
    {
        host.Dispose();
        host = await StartHostAsync(Options);
    }

    public T GetGrain<T>(string key) where T : IGrainWithStringKey => GrainFactory.GetGrain<T>(key);

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
    }

    private static async Task<IHost> StartHostAsync(TestSiloOptions options)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        options.ConfigureConfiguration?.Invoke(builder.Configuration);
        builder.Services.AddSingleton(options.TimeProvider);

        // Tests leave grains stuck on purpose; they should not hold each test's shutdown for the default 30 s.
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(3));
        var silo = builder.Services.AddPeerLinkSilo();
        foreach (var assembly in options.GrainAssemblies)
        {
            silo.AddGrains(assembly);
        }

        if (options.RedisConnectionString is { } redis)
        {
            silo.UseRedisStorage(redis);
        }
        else
        {
            silo.UseMemoryStorage(options.MemoryStore);
        }

        options.ConfigureSiloBuilder?.Invoke(silo);

        builder.Services.Configure<SiloOptions>(o =>
        {
            o.ServiceId = options.ServiceId;
            options.ConfigureSilo?.Invoke(o);
        });
        options.ConfigureServices?.Invoke(builder.Services);
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }
}
