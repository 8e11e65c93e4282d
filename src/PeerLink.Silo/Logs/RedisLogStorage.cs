using Microsoft.Extensions.Options;
using Orleans.Configuration;
using StackExchange.Redis;

namespace PeerLink.Silo.Logs;

/// <summary>
/// Logs as Redis lists at <c>{serviceId}/log/{grainType}/{grainKey}/{logName}</c>, one entry per element, beside
/// Orleans' own <c>{serviceId}/state/…</c> hashes. RPUSH returns the list's new length, which is the entry's sequence
/// number, so numbering needs no second key and no script. An append is acknowledged once Redis has applied it; how
/// soon Redis itself makes it survive a crash of redis-server is its appendfsync setting (deploy/redis.conf).
/// </summary>
/// <param name="redis">The same connection Orleans' Redis providers use (the keyed multiplexer "redis").</param>
public sealed class RedisLogStorage(IConnectionMultiplexer redis, IOptions<ClusterOptions> cluster) : ILogStorage
{
    private readonly string serviceId = cluster.Value.ServiceId;

    public Task<long> AppendAsync(string logName, GrainId grainId, ReadOnlyMemory<byte> data) =>
        ExecuteAsync($"append to log '{logName}' of grain {grainId}", db => db.ListRightPushAsync(Key(logName, grainId), data));

    public async Task<IReadOnlyList<StoredLogEntry>> ReadAsync(string logName, GrainId grainId, long after, int max)
    {
        LogRange.Validate(after, max);
        var values = await ExecuteAsync(
            $"read log '{logName}' of grain {grainId}",
            db => db.ListRangeAsync(Key(logName, grainId), after, after + max - 1));
        return [.. values.Select((value, i) => new StoredLogEntry(after + i + 1, (ReadOnlyMemory<byte>)value))];
    }

    public Task<long> GetLengthAsync(string logName, GrainId grainId) =>
        ExecuteAsync($"measure log '{logName}' of grain {grainId}", db => db.ListLengthAsync(Key(logName, grainId)));

    public async Task ReplaceAsync(string logName, GrainId grainId, long seq, ReadOnlyMemory<byte> data)
    {
        // LSET would count a negative index from the end; sequence numbers start at 1.
        if (seq < 1 || seq > await GetLengthAsync(logName, grainId))
        {
            throw LogRange.NoSuchEntry(logName, grainId, seq);
        }

        await ExecuteAsync(
            $"rewrite entry {seq} of log '{logName}' of grain {grainId}",
            async db =>
            {
                await db.ListSetByIndexAsync(Key(logName, grainId), seq - 1, data);
                return true;
            });
    }

    public Task ClearAsync(string logName, GrainId grainId) =>
        ExecuteAsync($"clear log '{logName}' of grain {grainId}", db => db.KeyDeleteAsync(Key(logName, grainId)));

    private RedisKey Key(string logName, GrainId grainId) => $"{serviceId}/log/{grainId.Type}/{grainId.Key}/{logName}";

    /// <summary>Runs one command and turns Redis failures into <see cref="LogStorageException"/>, which names what failed.</summary>
    private async Task<T> ExecuteAsync<T>(string operation, Func<IDatabase, Task<T>> command)
    {
        try
        {
            return await command(redis.GetDatabase());
        }
        catch (Exception e) when (e is RedisException or RedisTimeoutException)
        {
            throw new LogStorageException($"Cannot {operation}: {e.Message}", e);
        }
    }
}
