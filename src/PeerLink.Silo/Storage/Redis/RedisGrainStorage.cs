using Microsoft.Extensions.Options;
using PeerLink.Silo.Hosting;
using StackExchange.Redis;

namespace PeerLink.Silo.Storage.Redis;

/// <summary>
/// Grain storage in Redis with Orleans' layout: one hash per state at
/// <c>{serviceId}/state/{grainType}/{grainKey}/{stateName}</c> with fields <c>etag</c> and <c>data</c> (JSON).
/// </summary>
public sealed class RedisGrainStorage(RedisConnection redis, IOptions<SiloOptions> options) : IGrainStorage
{
    private const string ETagField = "etag";
    private const string DataField = "data";

    // Compare and set in one script, so two writers holding the same ETag can never both win.
    // ARGV: expected ETag ('' = no record), new ETag ('' = delete), data. Replies {1} or {0, stored ETag}.
    private const string SwapScript = """
        local stored = redis.call('HGET', KEYS[1], 'etag')
        if (stored or '') ~= ARGV[1] then
            return {0, stored}
        end
        if ARGV[2] == '' then
            redis.call('DEL', KEYS[1])
        else
            redis.call('HSET', KEYS[1], 'etag', ARGV[2], 'data', ARGV[3])
        end
        return {1}
        """;

    private readonly string serviceId = options.Value.ServiceId;

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var fields = await redis.ExecuteAsync(
            $"read state '{stateName}' of grain {grainId}",
            database => database.HashGetAsync(Key(stateName, grainId), [ETagField, DataField]));

        if (fields[0].IsNull)
        {
            grainState.ETag = null;
            grainState.RecordExists = false;
            return;
        }

        grainState.State = GrainStateSerializer.Deserialize<T>((byte[]?)fields[1], stateName, grainId);
        grainState.ETag = fields[0];
        grainState.RecordExists = true;
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var eTag = ETags.New();
        await SwapAsync("write", stateName, grainId, grainState.ETag, eTag, GrainStateSerializer.Serialize(grainState.State));
        grainState.ETag = eTag;
        grainState.RecordExists = true;
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await SwapAsync("clear", stateName, grainId, grainState.ETag, newETag: "", data: RedisValue.EmptyString);
        grainState.ETag = null;
        grainState.RecordExists = false;
    }

    private async Task SwapAsync(string operation, string stateName, GrainId grainId, string? expectedETag, string newETag, RedisValue data)
    {
        var result = await redis.ExecuteAsync(
            $"{operation} state '{stateName}' of grain {grainId}",
            database => database.ScriptEvaluateAsync(SwapScript, [Key(stateName, grainId)], [expectedETag ?? "", newETag, data]));
        var reply = (RedisResult[])result;

        if ((int)reply[0] == 0)
        {
            throw StateConflict.Exception(operation, stateName, grainId, (string?)reply[1], expectedETag);
        }
    }

    private RedisKey Key(string stateName, GrainId grainId) => $"{serviceId}/state/{grainId.Type}/{grainId.Key}/{stateName}";
}
