using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace PeerLink.Silo.Hosting;

public static class PeerLinkRedisConnections
{
    // Prepended, so the same options in a configured connection string still win. Without abortConnect=false a host
    // started while Redis is away would fail for good instead of connecting once it is back.
    private const string RedisDefaults = "abortConnect=false,connectTimeout=2000,syncTimeout=3000,asyncTimeout=3000,";

    /// <summary>
    /// One multiplexer for each connection the "Orleans" section names (<see cref="PeerLinkStorage.RedisConnectionNames"/>),
    /// keyed by its name as Orleans' Redis providers look it up; PeerLink's own Redis users (the message log, the web
    /// edge's keys, limits and backplane) share them.
    /// </summary>
    public static IServiceCollection AddPeerLinkRedisConnections(this IServiceCollection services, IConfiguration configuration)
    {
        foreach (var name in PeerLinkStorage.RedisConnectionNames(configuration))
        {
            var connectionString = RedisDefaults + configuration.GetConnectionString(name);
            services.AddKeyedSingleton<IConnectionMultiplexer>(name, (_, _) => ConnectionMultiplexer.Connect(connectionString));
        }

        return services;
    }
}
