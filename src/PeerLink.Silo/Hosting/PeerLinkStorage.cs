using Microsoft.Extensions.Configuration;

namespace PeerLink.Silo.Hosting;

/// <summary>
/// Where PeerLink keeps what it must not lose, as Orleans' own "Orleans" configuration section says: grain state in
/// Orleans:GrainStorage:Default, reminders in Orleans:Reminders. The message log and the data-protection keys follow
/// grain state, on the same Redis connection. Nothing configured means the embedded default: all in memory.
/// </summary>
/// <param name="RedisConnectionName">The connection string name (and the keyed multiplexer's service key) grain state uses
/// in Redis mode, such as "redis"; null in memory mode.</param>
public sealed record PeerLinkStorage(string? RedisConnectionName)
{
    public const string Redis = "Redis";
    public const string Memory = "Memory";

    private const string DefaultStorage = "Orleans:GrainStorage:Default";

    public bool IsRedis => RedisConnectionName is not null;

    /// <summary>Reads and checks the storage settings; a bad or missing one stops start-up with a message naming it.</summary>
    public static PeerLinkStorage From(IConfiguration configuration)
    {
        var state = configuration.GetSection(DefaultStorage);
        if (!state.Exists())
        {
            RequireNoRedisWithout(configuration, "Orleans:Reminders");
            return new PeerLinkStorage(RedisConnectionName: null);
        }

        var provider = state["ProviderType"];
        if (string.Equals(provider, Memory, StringComparison.OrdinalIgnoreCase))
        {
            return new PeerLinkStorage(RedisConnectionName: null);
        }

        if (!string.Equals(provider, Redis, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException(
                $"{DefaultStorage}:ProviderType is '{provider}'. PeerLink keeps its message log beside grain state, and can do so in Redis or in Memory; set it to one of those.");
        }

        var name = RequireConnection(configuration, DefaultStorage);
        return new PeerLinkStorage(name);
    }

    /// <summary>
    /// The connection this node joins a cluster through, when Orleans:Clustering:ProviderType is Redis; null when it
    /// runs alone. A cluster keeps grain state in Redis too: state in one node's memory would split between nodes
    /// and die with the node.
    /// </summary>
    public static string? ClusterConnectionName(IConfiguration configuration)
    {
        const string Clustering = "Orleans:Clustering";
        if (!string.Equals(configuration[$"{Clustering}:ProviderType"], Redis, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (!From(configuration).IsRedis)
        {
            throw new InvalidOperationException(
                $"{Clustering}:ProviderType is Redis but grain state is kept in memory, where each node would have its own and lose it with the node. Set {DefaultStorage}:ProviderType to Redis as well (or PeerLink:Storage:Provider=Redis).");
        }

        return RequireConnection(configuration, Clustering);
    }

    /// <summary>The connection names every Redis provider in the "Orleans" section asks for, each checked to have a connection string.</summary>
    public static IReadOnlySet<string> RedisConnectionNames(IConfiguration configuration)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var section in new[] { "Orleans:Clustering", "Orleans:Reminders" }.Select(configuration.GetSection)
            .Concat(configuration.GetSection("Orleans:GrainStorage").GetChildren()))
        {
            if (string.Equals(section["ProviderType"], Redis, StringComparison.OrdinalIgnoreCase))
            {
                names.Add(RequireConnection(configuration, section.Path));
            }
        }

        return names;
    }

    private static string RequireConnection(IConfiguration configuration, string sectionPath)
    {
        var name = configuration[$"{sectionPath}:ServiceKey"];
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new InvalidOperationException(
                $"{sectionPath}:ProviderType is Redis but {sectionPath}:ServiceKey is not set. Set it to the name of a connection string, such as \"redis\" with ConnectionStrings:redis.");
        }

        if (string.IsNullOrWhiteSpace(configuration.GetConnectionString(name)))
        {
            throw new InvalidOperationException(
                $"{sectionPath}:ServiceKey names the connection '{name}', but ConnectionStrings:{name} is not set. Set it to a StackExchange.Redis configuration string, such as \"127.0.0.1:6379\".");
        }

        return name;
    }

    // Reminders in Redis with grain state in memory would keep firing for state that a restart forgot.
    private static void RequireNoRedisWithout(IConfiguration configuration, string sectionPath)
    {
        if (string.Equals(configuration[$"{sectionPath}:ProviderType"], Redis, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException(
                $"{sectionPath}:ProviderType is Redis but {DefaultStorage} is not set, so grain state would be kept in memory. Set {DefaultStorage}:ProviderType to Redis as well.");
        }
    }
}
