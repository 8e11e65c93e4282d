using Microsoft.Extensions.Options;
using PeerLink.Silo.Hosting;
using PeerLink.Silo.Storage;
using PeerLink.Silo.Storage.Redis;
using PeerLink.Silo.Tests.Redis;

namespace PeerLink.Silo.Tests.Storage;

[Collection(RedisCollection.Name)]
public sealed class RedisLogStorageTests(RedisFixture redis) : LogStorageContract
{
    private readonly IOptions<SiloOptions> silo = RedisFixture.NewService();

    protected override ILogStorage Storage => new RedisLogStorage(redis.Connection, silo);

    [Fact]
    public async Task A_log_is_one_Redis_list_in_the_service_layout()
    {
        await AppendAsync("a", "b");

        // Written out here, not taken from the provider, so the test pins the layout.
        var stored = await redis.Inspector.ListRangeAsync($"{silo.Value.ServiceId}/log/{GrainId.Type}/{GrainId.Key}/{LogName}");

        Assert.Equal(["a", "b"], stored.Select(v => (string)v!));
    }
}
