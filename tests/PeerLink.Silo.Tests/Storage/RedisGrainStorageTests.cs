using System.Text.Json;
using Microsoft.Extensions.Options;
using PeerLink.Silo.Hosting;
using PeerLink.Silo.Storage;
using PeerLink.Silo.Storage.Redis;
using PeerLink.Silo.Tests.Redis;
using StackExchange.Redis;

namespace PeerLink.Silo.Tests.Storage;

[Collection(RedisCollection.Name)]
public sealed class RedisGrainStorageTests(RedisFixture redis) : GrainStorageContract
{
    private readonly IOptions<SiloOptions> silo = RedisFixture.NewService();

    protected override IGrainStorage Storage => new RedisGrainStorage(redis.Connection, silo);

    [Fact]
    public async Task State_is_one_hash_per_grain_state_with_an_etag_and_json_data()
    {
        var written = await WriteNewAsync("Ada", "listener");

        var fields = (await redis.Inspector.HashGetAllAsync(Key(StateName, GrainId))).ToDictionary(field => (string)field.Name, field => field.Value);

        Assert.Equal(["data", "etag"], fields.Keys.Order());
        Assert.Equal(written.ETag, (string?)fields["etag"]);
        using var data = JsonDocument.Parse((byte[])fields["data"]);
        Assert.Equal("Ada", data.RootElement.GetProperty("name").GetString());
        Assert.Equal("listener", data.RootElement.GetProperty("tags")[0].GetString());
    }

    protected override Task PutRawAsync(string stateName, GrainId grainId, byte[] data) =>
        redis.Inspector.HashSetAsync(Key(stateName, grainId), [new HashEntry("etag", "raw"), new HashEntry("data", data)]);

    protected override async Task<byte[]?> ReadRawAsync(string stateName, GrainId grainId) =>
        await redis.Inspector.HashGetAsync(Key(stateName, grainId), "data");

    // Written out here, not taken from the provider, so the test pins Orleans' layout.
    private RedisKey Key(string stateName, GrainId grainId) => $"{silo.Value.ServiceId}/state/{grainId.Type}/{grainId.Key}/{stateName}";
}
