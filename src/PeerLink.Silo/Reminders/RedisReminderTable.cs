using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using PeerLink.Silo.Hosting;
using PeerLink.Silo.Storage;
using PeerLink.Silo.Storage.Redis;
using StackExchange.Redis;

namespace PeerLink.Silo.Reminders;

/// <summary>
/// Reminders in one Redis hash, <c>{serviceId}/reminders</c>, with one field per reminder,
/// <c>{grainType}/{grainKey}/{reminderName}</c>, holding the entry and its ETag as JSON.
/// </summary>
public sealed class RedisReminderTable(RedisConnection redis, IOptions<SiloOptions> options) : IReminderTable
{
    // Check and delete in one script, so a reminder re-registered meanwhile is never removed.
    private const string RemoveScript = """
        local row = redis.call('HGET', KEYS[1], ARGV[1])
        if row and cjson.decode(row).etag == ARGV[2] then
            return redis.call('HDEL', KEYS[1], ARGV[1])
        end
        return 0
        """;

    private readonly RedisKey key = $"{options.Value.ServiceId}/reminders";

    public async Task<IReadOnlyList<ReminderEntry>> ReadAllAsync()
    {
        var rows = await redis.ExecuteAsync("read all reminders", database => database.HashGetAllAsync(key));
        return [.. rows.Select(row => Deserialize(row.Name, row.Value))];
    }

    public async Task<ReminderEntry?> ReadRowAsync(GrainId grainId, string reminderName)
    {
        var field = Field(grainId, reminderName);
        var row = await redis.ExecuteAsync(Describe("read", field), database => database.HashGetAsync(key, field));
        return row.IsNull ? null : Deserialize(field, row);
    }

    public async Task<string> UpsertRowAsync(ReminderEntry entry)
    {
        var field = Field(entry.GrainId, entry.ReminderName);
        var eTag = ETags.New();
        var row = new Row(entry.GrainId.Type, entry.GrainId.Key, entry.ReminderName, entry.StartAt, entry.Period, eTag);
        await redis.ExecuteAsync(Describe("write", field), database => database.HashSetAsync(key, field, GrainStateSerializer.Serialize(row)));
        return eTag;
    }

    public async Task<bool> RemoveRowAsync(GrainId grainId, string reminderName, string eTag)
    {
        var field = Field(grainId, reminderName);
        var removed = await redis.ExecuteAsync(Describe("remove", field), database => database.ScriptEvaluateAsync(RemoveScript, [key], [field, eTag]));
        return (int)removed == 1;
    }

    private static string Field(GrainId grainId, string reminderName) => $"{grainId.Type}/{grainId.Key}/{reminderName}";

    private string Describe(string operation, string field) => $"{operation} reminder '{field}' in '{key}'";

    private ReminderEntry Deserialize(string field, byte[] json)
    {
        try
        {
            var row = JsonSerializer.Deserialize<Row>(json, GrainStateSerializer.Options)
                ?? throw new JsonException("The stored reminder is JSON null.");
            return new ReminderEntry(new GrainId(row.GrainType, row.GrainKey), row.ReminderName, row.StartAt, row.Period) { ETag = row.ETag };
        }
        catch (Exception e) when (e is JsonException or ArgumentException)
        {
            throw new GrainStorageException($"Stored reminder '{field}' in '{key}' cannot be read: {e.Message} It was left untouched.", e);
        }
    }

    /// <summary>The stored form, kept apart from <see cref="ReminderEntry"/> so that what is at rest only changes on purpose.</summary>
    private sealed record Row(
        string GrainType,
        string GrainKey,
        string ReminderName,
        DateTimeOffset StartAt,
        TimeSpan Period,
        [property: JsonPropertyName("etag")] string ETag);
}
