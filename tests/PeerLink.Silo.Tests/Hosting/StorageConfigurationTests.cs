using Microsoft.Extensions.Configuration;
using PeerLink.Silo.Hosting;

namespace PeerLink.Silo.Tests.Hosting;

/// <summary>
/// Storage is configured the way Orleans and Aspire configure it; PeerLink's short switch only fills in those keys, and
/// a bad or missing setting stops start-up with a message that names it.
/// </summary>
public sealed class StorageConfigurationTests
{
    private static ConfigurationManager Configuration(params (string Key, string? Value)[] settings)
    {
        var configuration = new ConfigurationManager();
        configuration.AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, s.Value)));
        configuration.AddPeerLinkDefaults();
        return configuration;
    }

    [Fact]
    public void With_nothing_configured_everything_is_in_memory_under_the_peerlink_service_id()
    {
        var configuration = Configuration();

        Assert.False(PeerLinkStorage.From(configuration).IsRedis);
        Assert.Equal(("peerlink", "peerlink"), (configuration["Orleans:ServiceId"], configuration["Orleans:ClusterId"]));
        Assert.NotEmpty(configuration.GetSection("PeerLink:Safety:Languages").GetChildren());
    }

    [Fact]
    public void The_short_switch_fills_in_Orleans_own_keys_for_grain_state_and_reminders()
    {
        var configuration = Configuration(("PeerLink:Storage:Provider", "Redis"), ("PeerLink:Storage:RedisConnectionString", "127.0.0.1:7000"));

        Assert.Equal("redis", PeerLinkStorage.From(configuration).RedisConnectionName);
        Assert.Equal("127.0.0.1:7000", configuration.GetConnectionString("redis"));
        Assert.Equal(("Redis", "redis"), (configuration["Orleans:GrainStorage:Default:ProviderType"], configuration["Orleans:GrainStorage:Default:ServiceKey"]));
        Assert.Equal(("Redis", "redis"), (configuration["Orleans:Reminders:ProviderType"], configuration["Orleans:Reminders:ServiceKey"]));
    }

    [Fact]
    public void An_Orleans_key_set_explicitly_wins_over_the_short_switch()
    {
        var configuration = Configuration(
            ("PeerLink:Storage:Provider", "Redis"),
            ("ConnectionStrings:cache", "10.0.0.5:6379"),
            ("Orleans:GrainStorage:Default:ServiceKey", "cache"),
            ("Orleans:ServiceId", "charity"));

        Assert.Equal("cache", PeerLinkStorage.From(configuration).RedisConnectionName);
        Assert.Equal("charity", configuration["Orleans:ServiceId"]);
    }

    [Theory]
    [InlineData("PeerLink:Storage:Provider", "Cassandra", "Unknown storage provider 'Cassandra' in PeerLink:Storage:Provider")]
    public void An_unknown_short_switch_stops_start_up_naming_it(string key, string value, string message)
    {
        var failure = Assert.Throws<InvalidOperationException>(() => Configuration((key, value)));

        Assert.Contains(message, failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Redis", null, null, "Orleans:GrainStorage:Default:ServiceKey is not set")]
    [InlineData("Redis", "redis", null, "ConnectionStrings:redis is not set")]
    [InlineData("AzureTableStorage", null, null, "Orleans:GrainStorage:Default:ProviderType is 'AzureTableStorage'")]
    public void A_grain_storage_PeerLink_cannot_keep_its_log_beside_stops_start_up_naming_the_setting(string provider, string? serviceKey, string? connection, string message)
    {
        var configuration = Configuration(
            ("Orleans:GrainStorage:Default:ProviderType", provider),
            ("Orleans:GrainStorage:Default:ServiceKey", serviceKey),
            ("ConnectionStrings:redis", connection));

        var failure = Assert.Throws<InvalidOperationException>(() => PeerLinkStorage.From(configuration));

        Assert.Contains(message, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reminders_in_Redis_with_grain_state_in_memory_stop_start_up()
    {
        var configuration = Configuration(("Orleans:Reminders:ProviderType", "Redis"), ("Orleans:Reminders:ServiceKey", "redis"), ("ConnectionStrings:redis", "127.0.0.1:6379"));

        var failure = Assert.Throws<InvalidOperationException>(() => PeerLinkStorage.From(configuration));

        Assert.Contains("Orleans:GrainStorage:Default is not set", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_Redis_clustering_without_its_connection_string_stops_start_up_naming_it()
    {
        var configuration = Configuration(("Orleans:Clustering:ProviderType", "Redis"), ("Orleans:Clustering:ServiceKey", "redis"));

        var failure = Assert.Throws<InvalidOperationException>(() => PeerLinkStorage.RedisConnectionNames(configuration));

        Assert.Contains("ConnectionStrings:redis is not set", failure.Message, StringComparison.Ordinal);
    }
}
