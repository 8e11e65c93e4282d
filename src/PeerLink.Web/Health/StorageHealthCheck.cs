using Microsoft.Extensions.Diagnostics.HealthChecks;
using PeerLink.Silo.Hosting;
using StackExchange.Redis;

namespace PeerLink.Web.Health;

/// <summary>Healthy when the store behind grain state, the message log and the keys answers within two seconds.</summary>
internal sealed class StorageHealthCheck(PeerLinkStorage storage, IServiceProvider services) : IHealthCheck
{
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(2);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (storage.RedisConnectionName is not { } name)
        {
            return HealthCheckResult.Healthy("Storage is in this process's memory.", new Dictionary<string, object> { ["memory"] = "reachable" });
        }

        try
        {
            var redis = services.GetRequiredKeyedService<IConnectionMultiplexer>(name);
            await redis.GetDatabase().PingAsync().WaitAsync(ProbeTimeout, cancellationToken);
            return HealthCheckResult.Healthy("Storage is reachable.", new Dictionary<string, object> { ["redis"] = "reachable" });
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("Storage unreachable: redis.", data: new Dictionary<string, object> { ["redis"] = $"unreachable: {e.Message}" });
        }
    }
}
