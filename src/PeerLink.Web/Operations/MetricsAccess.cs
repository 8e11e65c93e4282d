using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using PeerLink.Grains.People;

namespace PeerLink.Web.Operations;

/// <summary>
/// Who may read GET /metrics: a scraper from an allowed address (loopback unless configured), or an admin from
/// anywhere. The figures say nothing about any person, but they do say how busy the service is and when nobody is
/// on duty, which is nobody else's business.
/// </summary>
internal sealed class MetricsAccess(IOptions<OperationsOptions> options) : AuthorizationHandler<MetricsAccess.Requirement>
{
    public const string Policy = "Metrics";

    private readonly IReadOnlyList<IPNetwork> allowed = options.Value.MetricsNetworks() ?? [];

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, Requirement requirement)
    {
        // For an endpoint, the resource authorization is asked about is the request itself.
        if (context.User.IsInRole(nameof(Role.Admin)) || FromAllowedAddress((context.Resource as HttpContext)?.Connection.RemoteIpAddress))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }

    private bool FromAllowedAddress(IPAddress? address)
    {
        if (address is null)
        {
            return false;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        return allowed.Count == 0 ? IPAddress.IsLoopback(address) : allowed.Any(n => n.Contains(address));
    }

    public sealed class Requirement : IAuthorizationRequirement;
}
