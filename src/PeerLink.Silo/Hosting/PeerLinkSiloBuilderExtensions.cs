using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Storage;
using PeerLink.Grains;
using PeerLink.Grains.Logs;
using PeerLink.Silo.Logs;
using PeerLink.Silo.Storage;
using StackExchange.Redis;

namespace PeerLink.Silo.Hosting;

public static class PeerLinkSiloBuilderExtensions
{
    /// <summary>
    /// Hosts PeerLink's grains on this silo, with grain state, reminders and the message log where the "Orleans"
    /// configuration section says (see <see cref="PeerLinkStorage"/>), and in memory where it says nothing. Clustering
    /// is the host's to choose.
    /// </summary>
    public static ISiloBuilder AddPeerLink(this ISiloBuilder silo)
    {
        var configuration = silo.Configuration;
        var storage = PeerLinkStorage.From(configuration);
        var services = silo.Services;
        services.AddPeerLinkGrains();
        services.AddSingleton(storage);

        // Plain JSON in storage, in memory and in Redis alike: no .NET type names, readable by people and other tools,
        // in the web's conventions (camelCase), as PeerLink's own runtime stored it, so its data reads back as it was.
        services.AddSingleton<IGrainStorageSerializer, SystemTextJsonGrainStorageSerializer>();
        services.Configure<SystemTextJsonGrainStorageSerializerOptions>(o =>
        {
            o.JsonSerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
            o.JsonSerializerOptions.PropertyNameCaseInsensitive = true;
            o.JsonSerializerOptions.NumberHandling = JsonNumberHandling.AllowReadingFromString;
        });

        // A failed state write deactivates the grain, so the next call reads state afresh.
        services.AddSingleton<IPersistentStateFactory, ReloadingPersistentStateFactory>();

        // [PersistentLog] parameters get their log, as [PersistentState] parameters get their state.
        services.AddSingleton<IAttributeToFactoryMapper<PersistentLogAttribute>, PersistentLogAttributeMapper>();

        services.AddPeerLinkRedisConnections(configuration);

        if (storage.RedisConnectionName is { } redis)
        {
            services.AddKeyedSingleton<ILogStorage>(PersistentLogAttribute.DefaultStorageName, (provider, _) =>
                ActivatorUtilities.CreateInstance<RedisLogStorage>(provider, provider.GetRequiredKeyedService<IConnectionMultiplexer>(redis)));
        }
        else
        {
            silo.AddMemoryGrainStorageAsDefault();
            services.AddKeyedSingleton<ILogStorage, MemoryLogStorage>(PersistentLogAttribute.DefaultStorageName);
        }

        if (!configuration.GetSection("Orleans:Reminders").Exists())
        {
            silo.UseInMemoryReminderService();
        }

        return silo;
    }
}
