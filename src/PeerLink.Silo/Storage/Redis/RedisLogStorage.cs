using Microsoft.Extensions.Options;
using PeerLink.Silo.Hosting;
using StackExchange.Redis;

namespace PeerLink.Silo.Storage.Redis;

/// <summary>
/// Logs as Redis lists at <c>{serviceId}/log/{grainType}/{grainKey}/{logName}</c>, one entry per element.
/// RPUSH returns the list's new length, which is the entry's sequence number, so numbering needs no
/// second key and no script. An append is acknowledged once Redis has applied it; how soon Redis itself
/// makes it survive a crash of redis-server is its appendfsync setting (deploy/redis.conf).
/// </summary>
public sealed class RedisLogStorage(RedisConnection redis, IOptions<SiloOptions> options) : ILogStorage
{
    private readonly string serviceId = options.Value.ServiceId;

    public Task<long> AppendAsync(string logName, GrainId grainId, byte[] data) =>
        redis.ExecuteAsync($"append to log '{logName}' of grain {grainId}", database => database.ListRightPushAsync(Key(logName, grainId), data));

    public async Task<IReadOnlyList<StoredLogEntry>> ReadAsync(string logName, GrainId grainId, long after, int max)
    {
        LogRange.Validate(after, max);
        var values = await redis.ExecuteAsync(
            $"read log '{logName}' of grain {grainId}",
            database => database.ListRangeAsync(Key(logName, grainId), after, after + max - 1));
        return [.. values.Select((value, i) => new StoredLogEntry(after + i + 1, (byte[])value!))];
    }

    public Task<long> GetLengthAsync(string logName, GrainId grainId) =>
        redis.ExecuteAsync($"measure log '{logName}' of grain {grainId}", database => database.ListLengthAsync(Key(logName, grainId)));

    public async Task ReplaceAsync(string logName, GrainId grainId, long seq, byte[] data)
    {
        // LSET would count a negative index from the end; sequence numbers start at 1.
        if (seq < 1 || seq > await GetLengthAsync(logName, grainId))
        {
            throw LogRange.NoSuchEntry(logName, grainId, seq);
        }

        await redis.ExecuteAsync(
            $"rewrite entry {seq} of log '{logName}' of grain {grainId}",
            async database =>
            {
                await database.ListSetByIndexAsync(Key(logName, grainId), seq - 1, data);
                return true;
            });
    }

    public Task ClearAsync(string logName, GrainId grainId) =>
        redis.ExecuteAsync($"clear log '{logName}' of grain {grainId}", database => database.KeyDeleteAsync(Key(logName, grainId)));

    private RedisKey Key(string logName, GrainId grainId) => $"{serviceId}/log/{grainId.Type}/{grainId.Key}/{logName}";
}
