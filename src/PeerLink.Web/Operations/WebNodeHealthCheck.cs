using Microsoft.Extensions.Diagnostics.HealthChecks;
using Orleans.Runtime;
using PeerLink.Grains.Events;
using PeerLink.Web.Realtime;

namespace PeerLink.Web.Operations;

/// <summary>
/// Ready, on a web node that runs as an Orleans client, when the cluster answers and has heard lately that this node
/// takes events: until then people here would be connected but hear nothing live.
/// </summary>
internal sealed class WebNodeHealthCheck(IGrainFactory grains, WebNodeSubscription subscription, TimeProvider time) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object> { ["siloMode"] = "client" };
        try
        {
            var answer = TimeSpan.FromSeconds(2);
            data["activeSilos"] = (await grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true).WaitAsync(answer, cancellationToken)).Count;
            data["webNodes"] = (await grains.GetGrain<IWebNodesGrain>(0).Nodes().WaitAsync(answer, cancellationToken)).Count;
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("The cluster does not answer this web node.", error, data);
        }

        var renewed = subscription.LastRenewed;
        return renewed is { } at && time.GetUtcNow() - at < 3 * WebNodesGrain.RenewEvery
            ? HealthCheckResult.Healthy("This web node reaches the cluster and takes its events.", data)
            : HealthCheckResult.Unhealthy("The cluster has not heard lately that this web node takes events.", data: data);
    }
}
