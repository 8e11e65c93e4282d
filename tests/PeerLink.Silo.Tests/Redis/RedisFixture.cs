using StackExchange.Redis;

namespace PeerLink.Silo.Tests.Redis;

/// <summary>
/// One redis-server for every test in <see cref="RedisCollection"/>. Tests keep apart by using a service id of their
/// own, and never stop this server: outage tests start a private one.
/// </summary>
public sealed class RedisFixture : IAsyncLifetime
{
    private RedisServer? server;
    private ConnectionMultiplexer? connection;

    public string ConnectionString => server?.ConnectionString ?? throw NotStarted();

    /// <summary>A connection of its own, for storage under test and to look at what it stored.</summary>
    public IConnectionMultiplexer Connection => connection ?? throw NotStarted();

    public IDatabase Inspector => Connection.GetDatabase();

    public static string NewServiceId() => $"test-{Guid.NewGuid():N}";

    public async Task InitializeAsync()
    {
        server = await RedisServer.StartNewAsync();
        connection = await ConnectionMultiplexer.ConnectAsync(server.ConnectionString);
    }

    public async Task DisposeAsync()
    {
        connection?.Dispose();
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
