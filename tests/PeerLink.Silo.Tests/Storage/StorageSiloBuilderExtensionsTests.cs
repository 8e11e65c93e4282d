using Microsoft.Extensions.DependencyInjection;
using PeerLink.Silo.Hosting;
using PeerLink.Silo.Reminders;
using PeerLink.Silo.Storage;
using PeerLink.Silo.Storage.Redis;

namespace PeerLink.Silo.Tests.Storage;

public sealed class StorageSiloBuilderExtensionsTests
{
    private const string DefaultStorage = PersistentStateAttribute.DefaultStorageName;

    private readonly ServiceCollectionSiloBuilder builder = new();

    [Fact]
    public void Memory_provider_backs_state_reminders_and_the_health_probe_with_memory()
    {
        builder.UseStorage(new StorageOptions { Provider = "memory" });

        using var services = builder.Services.BuildServiceProvider();
        var storage = Assert.IsType<MemoryGrainStorage>(services.GetRequiredKeyedService<IGrainStorage>(DefaultStorage));
        Assert.IsType<MemoryReminderTable>(services.GetRequiredService<IReminderTable>());
        Assert.Same(storage, Assert.Single(services.GetServices<IStorageHealthProbe>()));
    }

    [Fact]
    public void Redis_provider_backs_state_reminders_and_the_health_probe_with_one_redis_connection()
    {
        // Nothing listens on port 1: registering and resolving must not connect.
        builder.UseStorage(new StorageOptions { Provider = "REDIS", RedisConnectionString = "127.0.0.1:1" });

        using var services = builder.Services.BuildServiceProvider();
        Assert.IsType<RedisGrainStorage>(services.GetRequiredKeyedService<IGrainStorage>(DefaultStorage));
        Assert.IsType<RedisReminderTable>(services.GetRequiredService<IReminderTable>());
        Assert.Same(services.GetRequiredService<RedisConnection>(), Assert.Single(services.GetServices<IStorageHealthProbe>()));
    }

    [Fact]
    public void An_unknown_provider_is_rejected_with_the_valid_values()
    {
        var rejection = Assert.Throws<ArgumentException>(() => builder.UseStorage(new StorageOptions { Provider = "Cassandra" }));

        Assert.Contains("'Cassandra'", rejection.Message, StringComparison.Ordinal);
        Assert.Contains("Memory, Redis", rejection.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_later_storage_choice_replaces_an_earlier_one()
    {
        builder.UseRedisStorage("127.0.0.1:1");

        builder.UseMemoryStorage();

        using var services = builder.Services.BuildServiceProvider();
        Assert.IsType<MemoryGrainStorage>(Assert.Single(services.GetKeyedServices<IGrainStorage>(DefaultStorage)));
        Assert.IsType<MemoryReminderTable>(Assert.Single(services.GetServices<IReminderTable>()));
        Assert.IsType<MemoryGrainStorage>(Assert.Single(services.GetServices<IStorageHealthProbe>()));
        Assert.Null(services.GetService<RedisConnection>());
    }

    [Fact]
    public async Task A_later_memory_store_replaces_an_earlier_one()
    {
        MemoryStore earlier = new(), later = new();
        var grainId = new GrainId("user", "ada");
        builder.UseMemoryStorage(earlier);

        builder.UseMemoryStorage(later);

        using var services = builder.Services.BuildServiceProvider();
        var state = new GrainState<string>("written");
        await services.GetRequiredKeyedService<IGrainStorage>(DefaultStorage).WriteStateAsync("name", grainId, state);
        Assert.NotNull(later.ReadState("name", grainId));
        Assert.Null(earlier.ReadState("name", grainId));
    }

    [Fact]
    public void Health_probes_the_application_added_are_kept()
    {
        var own = new MemoryGrainStorage(new MemoryStore());
        builder.Services.AddSingleton<IStorageHealthProbe>(own);

        builder.UseMemoryStorage();
        builder.UseRedisStorage("127.0.0.1:1");

        using var services = builder.Services.BuildServiceProvider();
        var probes = services.GetServices<IStorageHealthProbe>().ToList();
        Assert.Equal(2, probes.Count);
        Assert.Contains(own, probes);
        Assert.Contains(services.GetRequiredService<RedisConnection>(), probes);
    }
}
