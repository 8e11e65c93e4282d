using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.Configuration.Memory;

namespace PeerLink.Silo.Hosting;

/// <summary>
/// The settings every PeerLink host starts from. They only fill in what configuration leaves unset, so anything in
/// appsettings, the environment or the command line wins.
/// </summary>
public static class PeerLinkConfiguration
{
    /// <summary>The short switch for people: "Redis" fills in Orleans' own keys for grain state and reminders.</summary>
    public const string StorageProvider = "PeerLink:Storage:Provider";

    /// <summary>With <see cref="StorageProvider"/> Redis: the connection string, when ConnectionStrings:redis is not set.</summary>
    public const string StorageRedisConnectionString = "PeerLink:Storage:RedisConnectionString";

    public const string DefaultServiceId = "peerlink";
    public const string DefaultRedisConnectionName = "redis";
    public const string DefaultRedisConnectionString = "127.0.0.1:6379";

    /// <summary>
    /// Adds the crisis rules (safety.json) beside appsettings.json, then fills in the Orleans service and cluster ids,
    /// quieter logging for Orleans' own chatter and, with <see cref="StorageProvider"/> set to Redis, the Orleans keys
    /// it stands for.
    /// </summary>
    public static IConfigurationManager AddPeerLinkDefaults(this IConfigurationManager configuration)
    {
        AddBesideAppSettings(configuration, Path.Combine(AppContext.BaseDirectory, "safety.json"));
        var defaults = new Dictionary<string, string?>
        {
            ["Orleans:ServiceId"] = DefaultServiceId,
            ["Orleans:ClusterId"] = DefaultServiceId,

            // Orleans' runtime and its Polly pipelines log every placement and every option at Information: hundreds
            // of lines at start and one per new activation, which under load cost more than the work they describe.
            ["Logging:LogLevel:Orleans"] = "Warning",
            ["Logging:LogLevel:Polly"] = "Warning",
        };

        if (configuration.GetSection("Orleans:Clustering").Exists())
        {
            AddFailureDetectionDefaults(defaults);
        }

        var provider = configuration[StorageProvider];
        if (string.Equals(provider, PeerLinkStorage.Redis, StringComparison.OrdinalIgnoreCase))
        {
            var name = DefaultRedisConnectionName;
            defaults[$"ConnectionStrings:{name}"] = configuration[StorageRedisConnectionString] ?? DefaultRedisConnectionString;
            defaults["Orleans:GrainStorage:Default:ProviderType"] = PeerLinkStorage.Redis;
            defaults["Orleans:GrainStorage:Default:ServiceKey"] = name;
            defaults["Orleans:Reminders:ProviderType"] = PeerLinkStorage.Redis;
            defaults["Orleans:Reminders:ServiceKey"] = name;
        }
        else if (provider is not null && !string.Equals(provider, PeerLinkStorage.Memory, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"Unknown storage provider '{provider}' in {StorageProvider}. Valid values: Memory, Redis.");
        }

        // Lowest precedence, and only where no other source has the key.
        var missing = defaults.Where(d => configuration[d.Key] is null).ToList();
        configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = missing });
        return configuration;
    }

    /// <summary>
    /// How fast a cluster gives up on a silo that stopped answering. Orleans' defaults take about 7 s to declare a
    /// killed silo dead and let a call already sent to it wait 30 s; PeerLink wants a message sendable again within
    /// 10 s of a node's death. Probes every 2 s, dead after 2 missed ones and one vote (a cluster of two has only
    /// one other silo to vote), the membership table read every 2 s, and a call answered within 5 s or failed. Not
    /// tighter: on a busy two-core machine a live silo can miss a 1 s probe, and a silo declared dead stops itself.
    /// Each can be set in configuration (Orleans:Membership binds to ClusterMembershipOptions).
    /// </summary>
    private static void AddFailureDetectionDefaults(Dictionary<string, string?> defaults)
    {
        defaults["Orleans:Membership:ProbeTimeout"] = "00:00:02";
        defaults["Orleans:Membership:NumMissedProbesLimit"] = "2";
        defaults["Orleans:Membership:NumVotesForDeathDeclaration"] = "1";
        defaults["Orleans:Membership:TableRefreshTimeout"] = "00:00:02";
        defaults["Orleans:Messaging:ResponseTimeout"] = "00:00:05";
    }

    /// <summary>
    /// Adds a JSON file of defaults right after the last JSON source (appsettings.{Environment}.json), so the
    /// environment and the command line still override it, as they do appsettings.
    /// </summary>
    private static void AddBesideAppSettings(IConfigurationManager configuration, string path)
    {
        var source = new JsonConfigurationSource { Path = path, Optional = false, ReloadOnChange = false };
        source.ResolveFileProvider();
        var sources = configuration.Sources;
        var lastJson = sources.Select((s, i) => (s, i)).LastOrDefault(x => x.s is JsonConfigurationSource, (null!, -1)).Item2;
        sources.Insert(lastJson + 1, source);
    }
}
