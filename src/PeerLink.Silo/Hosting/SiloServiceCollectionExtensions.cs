using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PeerLink.Silo.Reminders;
using PeerLink.Silo.Runtime;

namespace PeerLink.Silo.Hosting;

public static class SiloServiceCollectionExtensions
{
    /// <summary>
    /// Adds the in-process silo. Options bind from "PeerLink:Silo". Choose storage on the returned builder
    /// (UseMemoryStorage, UseRedisStorage or UseStorage) and add grain assemblies with AddGrains.
    /// </summary>
    public static ISiloBuilder AddPeerLinkSilo(this IServiceCollection services)
    {
        services.AddOptions<SiloOptions>()
            .BindConfiguration(SiloOptions.SectionName)
            .Validate(o => !string.IsNullOrWhiteSpace(o.ServiceId), "PeerLink:Silo:ServiceId must not be empty.")
            .Validate(o => o.CollectionAge > TimeSpan.Zero, "PeerLink:Silo:CollectionAge must be positive.")
            .Validate(o => o.CollectionQuantum > TimeSpan.Zero, "PeerLink:Silo:CollectionQuantum must be positive.")
            .Validate(o => o.ResponseTimeout > TimeSpan.Zero || o.ResponseTimeout == Timeout.InfiniteTimeSpan, "PeerLink:Silo:ResponseTimeout must be positive or infinite.")
            .Validate(o => o.ReminderRefreshPeriod > TimeSpan.Zero, "PeerLink:Silo:ReminderRefreshPeriod must be positive.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.TryAddSingleton<SiloMetrics>();
        services.TryAddSingleton<GrainTypeManifest>();
        services.TryAddSingleton<GrainRuntime>();
        services.TryAddSingleton<IGrainFactory>(sp => sp.GetRequiredService<GrainRuntime>());
        services.TryAddSingleton<ReminderService>();
        services.TryAddSingleton(sp => new ActivationCollector(sp.GetRequiredService<GrainRuntime>()));
        services.TryAddSingleton<ISiloManagement, SiloManagement>();
        services.AddHostedService<SiloHostedService>();
        return new SiloBuilder(services);
    }
}
