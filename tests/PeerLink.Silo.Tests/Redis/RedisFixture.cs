using Microsoft.Extensions.Options;
using PeerLink.Silo.Hosting;
using PeerLink.Silo.Storage.Redis;
using PeerLink.Testing;
using StackExchange.Redis;

namespace PeerLink.Silo.Tests.Redis;

/// <summary>
/// One redis-server for every test in <see cref="RedisCollection"/>. Tests keep apart by using a
/// ServiceId of their own, and never stop this server: outage tests start a private one.
/// </summary>
public sealed class RedisFixture : IAsyncLifetime
{
    private RedisServer? server;
    private ConnectionMultiplexer? inspector;
    private RedisConnection? connection;

    /// <summary>For silos under test: each should use a ServiceId of its own.</summary>
    public string ConnectionString => server?.ConnectionString ?? throw NotStarted();

    /// <summary>The connection the providers under test share, as in a silo.</summary>
    public RedisConnection Connection => connection ?? throw NotStarted();

    /// <summary>A separate client, to look at and tamper with what the providers stored.</summary>
    public IDatabase Inspector => inspector?.GetDatabase() ?? throw NotStarted();

    /// <summary>Options naming a service of its own, so a test's keys never meet another's.</summary>
    public static IOptions<SiloOptions> NewService() => Options.Create(new SiloOptions { ServiceId = $"test-{Guid.NewGuid():N}" });

    public async Task InitializeAsync()
    {
        server = await RedisServer.StartNewAsync();
        inspector = await ConnectionMultiplexer.ConnectAsync(server.ConnectionString);
        connection = new RedisConnection(server.ConnectionString);
    }

    public async Task DisposeAsync()
    {
        connection?.Dispose();
        inspector?.Dispose();
        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }

    private static InvalidOperationException NotStarted() => new("The Redis fixture has not been initialized.");
}

[CollectionDefinition(Name)]
public sealed class RedisCollection : ICollectionFixture<RedisFixture>
{
    public const string Name = "Redis";
}
