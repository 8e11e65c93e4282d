using System.Net;
using StackExchange.Redis;

namespace PeerLink.Silo.Storage.Redis;

/// <summary>
/// The silo's one connection to Redis, opened on first use. It never gives up: while Redis is away
/// commands fail fast with <see cref="GrainStorageException"/>, and once Redis is back they work again.
/// </summary>
public sealed class RedisConnection : IStorageHealthProbe, IDisposable
{
    // Prepended so that the same options in the caller's string still win.
    private const string Defaults = "connectTimeout=2000,syncTimeout=3000,";

    private readonly Lazy<Task<ConnectionMultiplexer>> multiplexer;
    private readonly TimeSpan commandTimeout;
    private readonly string endpoints;

    /// <param name="configuration">A StackExchange.Redis configuration string, such as "127.0.0.1:6379".</param>
    public RedisConnection(string configuration)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(configuration);
        var options = ConfigurationOptions.Parse(Defaults + configuration);

        // Otherwise a silo started while Redis is down would fail for good instead of connecting later.
        options.AbortOnConnectFail = false;

        // StackExchange.Redis 1.2.6 never times out an async command: one sent to a Redis that stopped
        // answering would wait forever. SyncTimeout bounds them here instead.
        commandTimeout = TimeSpan.FromMilliseconds(options.SyncTimeout);
        endpoints = string.Join(", ", options.EndPoints.Select(Describe));
        multiplexer = new(() => ConnectionMultiplexer.ConnectAsync(options));
    }

    public string Name => "redis";

    public async Task<IDatabase> GetDatabaseAsync() => (await multiplexer.Value).GetDatabase();

    public Task PingAsync(CancellationToken cancellationToken) =>
        ExecuteAsync("ping Redis", database => database.PingAsync(), cancellationToken);

    public void Dispose()
    {
        // A connect still under way is disposed when it finishes, so its reconnect loop cannot outlive the silo.
        if (multiplexer.IsValueCreated)
        {
            multiplexer.Value.ContinueWith(
                connecting => connecting.Result.Dispose(),
                CancellationToken.None,
                TaskContinuationOptions.OnlyOnRanToCompletion | TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
        }
    }

    /// <summary>Runs one command, bounded in time, and turns Redis failures into <see cref="GrainStorageException"/>.</summary>
    /// <param name="operation">What is being done, for the error message: "read state 'profile' of grain user/42".</param>
    internal async Task<T> ExecuteAsync<T>(string operation, Func<IDatabase, Task<T>> command, CancellationToken cancellationToken = default)
    {
        try
        {
            var database = await GetDatabaseAsync().WaitAsync(commandTimeout, cancellationToken);
            return await command(database).WaitAsync(commandTimeout, cancellationToken);
        }
        catch (Exception e) when (e is RedisConnectionException or TimeoutException)
        {
            throw new GrainStorageException($"Cannot {operation}: Redis at {endpoints} is unreachable.", e);
        }
        catch (RedisException e)
        {
            throw new GrainStorageException($"Cannot {operation}: Redis at {endpoints} refused the command: {e.Message}", e);
        }
    }

    private static string Describe(EndPoint endPoint) => endPoint switch
    {
        DnsEndPoint dns => $"{dns.Host}:{dns.Port}",
        _ => endPoint.ToString() ?? "(unknown endpoint)",
    };
}
