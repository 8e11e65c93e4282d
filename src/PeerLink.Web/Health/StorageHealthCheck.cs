using Microsoft.Extensions.Diagnostics.HealthChecks;
using PeerLink.Silo.Storage;

namespace PeerLink.Web.Health;

/// <summary>Healthy when every configured store answers within two seconds.</summary>
internal sealed class StorageHealthCheck(IEnumerable<IStorageHealthProbe> probes) : IHealthCheck
{
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(2);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object>();
        var failed = new List<string>();
        foreach (var probe in probes)
        {
            try
            {
                await probe.PingAsync(cancellationToken).WaitAsync(ProbeTimeout, cancellationToken);
                data[probe.Name] = "reachable";
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                data[probe.Name] = $"unreachable: {e.Message}";
                failed.Add(probe.Name);
            }
        }

        return failed.Count == 0
            ? HealthCheckResult.Healthy("Storage is reachable.", data)
            : HealthCheckResult.Unhealthy($"Storage unreachable: {string.Join(", ", failed)}.", data: data);
    }
}
