using System.Text.Json;
using Microsoft.Extensions.Options;
using PeerLink.Silo.Hosting;
using PeerLink.Silo.Reminders;
using PeerLink.Silo.Storage;
using PeerLink.Silo.Tests.Redis;

namespace PeerLink.Silo.Tests.Storage;

[Collection(RedisCollection.Name)]
public sealed class RedisReminderTableTests(RedisFixture redis) : ReminderTableContract
{
    private readonly IOptions<SiloOptions> silo = RedisFixture.NewService();

    protected override IReminderTable Table => new RedisReminderTable(redis.Connection, silo);

    private string Hash => $"{silo.Value.ServiceId}/reminders";

    [Fact]
    public async Task Reminders_are_fields_of_one_hash_holding_json_with_the_etag()
    {
        var eTag = await Table.UpsertRowAsync(Entry("check-in"));

        var json = await redis.Inspector.HashGetAsync(Hash, $"user/{GrainId.Key}/check-in");

        using var row = JsonDocument.Parse((string)json);
        Assert.Equal(eTag, row.RootElement.GetProperty("etag").GetString());
        Assert.Equal(GrainId.Key, row.RootElement.GetProperty("grainKey").GetString());
        Assert.Equal("check-in", row.RootElement.GetProperty("reminderName").GetString());
    }

    [Fact]
    public async Task A_corrupt_reminder_fails_the_read_naming_it()
    {
        var field = $"user/{GrainId.Key}/check-in";
        await redis.Inspector.HashSetAsync(Hash, field, "not json");

        var failure = await Assert.ThrowsAsync<GrainStorageException>(() => Table.ReadRowAsync(GrainId, "check-in"));

        Assert.Contains(field, failure.Message, StringComparison.Ordinal);
    }
}
