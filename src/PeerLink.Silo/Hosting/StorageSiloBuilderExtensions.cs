using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PeerLink.Silo.Reminders;
using PeerLink.Silo.Storage;
using PeerLink.Silo.Storage.Redis;

namespace PeerLink.Silo.Hosting;

/// <summary>
/// Picks the store behind grain state, logs, reminders and the storage health probe. Each call replaces
/// what an earlier one registered, so a test can override the application's choice.
/// </summary>
public static class StorageSiloBuilderExtensions
{
    private const string DefaultStorage = PersistentStateAttribute.DefaultStorageName;

    /// <summary>Uses <see cref="StorageOptions.Provider"/>: "Memory" or "Redis", in any case.</summary>
    public static ISiloBuilder UseStorage(this ISiloBuilder builder, StorageOptions options)
    {
        if (string.Equals(options.Provider, "Memory", StringComparison.OrdinalIgnoreCase))
        {
            return builder.UseMemoryStorage();
        }

        if (string.Equals(options.Provider, "Redis", StringComparison.OrdinalIgnoreCase))
        {
            return builder.UseRedisStorage(options.RedisConnectionString);
        }

        throw new ArgumentException(
            $"Unknown storage provider '{options.Provider}' in {StorageOptions.SectionName}:Provider. Valid values: Memory, Redis.",
            nameof(options));
    }

    /// <param name="store">Hand the same store to a restarted test silo to keep its state; null for a new, empty one.</param>
    public static ISiloBuilder UseMemoryStorage(this ISiloBuilder builder, MemoryStore? store = null)
    {
        var memory = store ?? new MemoryStore();
        var services = RemoveSelectedStorage(builder.Services);
        services.AddSingleton(new MemoryGrainStorage(memory));
        services.AddKeyedSingleton<IGrainStorage>(DefaultStorage, (provider, _) => provider.GetRequiredService<MemoryGrainStorage>());
        services.AddKeyedSingleton<ILogStorage>(DefaultStorage, new MemoryLogStorage(memory));
        services.AddSingleton<IReminderTable>(new MemoryReminderTable(memory));
        services.AddSingleton<IStorageHealthProbe, MemoryGrainStorage>(provider => provider.GetRequiredService<MemoryGrainStorage>());
        return builder;
    }

    /// <param name="connectionString">A StackExchange.Redis configuration string, such as "127.0.0.1:6379".</param>
    public static ISiloBuilder UseRedisStorage(this ISiloBuilder builder, string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var services = RemoveSelectedStorage(builder.Services);
        services.AddOptions();
        services.AddSingleton(_ => new RedisConnection(connectionString));
        services.AddSingleton<RedisGrainStorage>();
        services.AddKeyedSingleton<IGrainStorage>(DefaultStorage, (provider, _) => provider.GetRequiredService<RedisGrainStorage>());
        services.AddKeyedSingleton<ILogStorage, RedisLogStorage>(DefaultStorage);
        services.AddSingleton<IReminderTable, RedisReminderTable>();
        services.AddSingleton<IStorageHealthProbe, RedisConnection>(provider => provider.GetRequiredService<RedisConnection>());
        return builder;
    }

    private static IServiceCollection RemoveSelectedStorage(IServiceCollection services)
    {
        services.RemoveAllKeyed<IGrainStorage>(DefaultStorage);
        services.RemoveAllKeyed<ILogStorage>(DefaultStorage);
        services.RemoveAll<IReminderTable>();
        services.RemoveAll<MemoryGrainStorage>();
        services.RemoveAll<RedisGrainStorage>();
        services.RemoveAll<RedisConnection>();

        // Only the probes registered here: other health probes an application added stay.
        foreach (var probe in services.Where(IsStorageProbe).ToList())
        {
            services.Remove(probe);
        }

        return services;
    }

    private static bool IsStorageProbe(ServiceDescriptor descriptor) =>
        descriptor.ServiceType == typeof(IStorageHealthProbe)
        && !descriptor.IsKeyedService
        && descriptor.ImplementationFactory is Func<IServiceProvider, MemoryGrainStorage> or Func<IServiceProvider, RedisConnection>;
}
