using Microsoft.Extensions.Diagnostics.HealthChecks;
using Orleans.Runtime;

namespace PeerLink.Web.Operations;

/// <summary>Ready when this host's silo is an active member of its cluster: until then, and once it is shutting down, grain calls from here can fail.</summary>
internal sealed class ClusterHealthCheck(ILocalSiloDetails silo, IClusterMembershipService membership) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var snapshot = membership.CurrentSnapshot;
        var status = snapshot.GetSiloStatus(silo.SiloAddress);
        var data = new Dictionary<string, object>
        {
            ["siloMode"] = "cohosted",
            ["silo"] = status.ToString(),
            ["activeSilos"] = snapshot.Members.Values.Count(m => m.Status == SiloStatus.Active),
        };
        return Task.FromResult(status == SiloStatus.Active
            ? HealthCheckResult.Healthy("This silo is an active member of the cluster.", data)
            : HealthCheckResult.Unhealthy($"This silo is {status}, not an active member of the cluster.", data: data));
    }
}
