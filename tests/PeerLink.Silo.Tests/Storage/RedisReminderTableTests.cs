using System.Text.Json;
using Microsoft.Extensions.Options;
using PeerLink.Silo.Hosting;
using PeerLink.Silo.Reminders;
using PeerLink.Silo.Storage;

namespace PeerLink.Silo.Tests.Storage;

[Collection(RedisCollection.Name)]
public sealed class RedisReminderTableTests : ReminderTableContract
{
    private readonly RedisFixture redis;
    private readonly string serviceId = $"test-{Guid.NewGuid():N}";

    public RedisReminderTableTests(RedisFixture redis)
    {
        this.redis = redis;
        Table = new RedisReminderTable(redis.Connection, Options.Create(new SiloOptions { ServiceId = serviceId }));
    }

    protected override IReminderTable Table { get; }

    [Fact]
    public async Task Reminders_are_fields_of_one_hash_holding_json_with_the_etag()
    {
        var eTag = await Table.UpsertRowAsync(Entry("check-in"));

        var json = await redis.Inspector.HashGetAsync($"{serviceId}/reminders", $"user/{GrainId.Key}/check-in");

        using var row = JsonDocument.Parse((string)json!);
        Assert.Equal(eTag, row.RootElement.GetProperty("etag").GetString());
        Assert.Equal(GrainId.Key, row.RootElement.GetProperty("grainKey").GetString());
        Assert.Equal("check-in", row.RootElement.GetProperty("reminderName").GetString());
    }

    [Fact]
    public async Task A_corrupt_reminder_fails_the_read_naming_it()
    {
        var field = $"user/{GrainId.Key}/check-in";
        await redis.Inspector.HashSetAsync($"{serviceId}/reminders", field, "not json");

        var failure = await Assert.ThrowsAsync<GrainStorageException>(() => Table.ReadRowAsync(GrainId, "check-in"));

        Assert.Contains(field, failure.Message, StringComparison.Ordinal);
    }
}
