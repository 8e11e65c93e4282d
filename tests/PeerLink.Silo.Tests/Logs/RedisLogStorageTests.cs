using Microsoft.Extensions.Options;
using Orleans.Configuration;
using PeerLink.Silo.Logs;
using PeerLink.Silo.Tests.Redis;

namespace PeerLink.Silo.Tests.Logs;

[Collection(RedisCollection.Name)]
public sealed class RedisLogStorageTests(RedisFixture redis) : LogStorageContract
{
    private readonly string serviceId = RedisFixture.NewServiceId();

    protected override ILogStorage Storage => new RedisLogStorage(redis.Connection, Options.Create(new ClusterOptions { ServiceId = serviceId }));

    [Fact]
    public async Task A_log_is_one_Redis_list_beside_Orleans_state_in_the_service_layout()
    {
        await AppendAsync("a", "b");

        // Written out here, not taken from the storage, so the test pins the layout.
        var stored = await redis.Inspector.ListRangeAsync($"{serviceId}/log/room/{GrainId.Key}/{LogName}");

        Assert.Equal(["a", "b"], stored.Select(v => (string)v!));
    }
}
