using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.StackExchangeRedis;
using Microsoft.Extensions.Options;

namespace PeerLink.Web.Realtime;

/// <summary>
/// SignalR's Redis backplane, as it is, for a node of a cluster: a send to a person reaches their connections on
/// whichever node holds them, in the order it was sent. It also hands this node's connections to
/// <see cref="LocalConnections"/>, as the one-node manager does.
/// </summary>
internal sealed class ClusterLifetimeManager<THub>(
    ILogger<RedisHubLifetimeManager<THub>> logger,
    IOptions<RedisOptions> options,
    IHubProtocolResolver hubProtocolResolver,
    IOptions<HubOptions> globalHubOptions,
    IOptions<HubOptions<THub>> hubOptions,
    LocalConnections local) : RedisHubLifetimeManager<THub>(logger, options, hubProtocolResolver, globalHubOptions, hubOptions)
    where THub : Hub
{
    public override async Task OnConnectedAsync(HubConnectionContext connection)
    {
        await base.OnConnectedAsync(connection);
        local.Opened(connection);
    }

    public override async Task OnDisconnectedAsync(HubConnectionContext connection)
    {
        local.Closed(connection);
        await base.OnDisconnectedAsync(connection);
    }
}
