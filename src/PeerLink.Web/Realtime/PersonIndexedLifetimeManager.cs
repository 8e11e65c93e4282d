using Microsoft.AspNetCore.SignalR;

namespace PeerLink.Web.Realtime;

/// <summary>
/// One node's lifetime manager. SignalR's default finds a user's connections by testing every connection on the node,
/// so each event to one person cost a scan of everyone connected: at 5,000 people and 4,000 events a second, twenty
/// million comparisons a second. This sends to the person's own connections alone, as <see cref="LocalConnections"/>
/// keeps them. In a cluster the Redis backplane's manager takes its place (<see cref="ClusterLifetimeManager{THub}"/>).
/// </summary>
internal sealed class PersonIndexedLifetimeManager<THub>(ILogger<DefaultHubLifetimeManager<THub>> logger, LocalConnections local) : DefaultHubLifetimeManager<THub>(logger)
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

    public override Task SendUserAsync(string userId, string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        SendEachAsync(local.Of(userId), methodName, args, cancellationToken);

    public override Task SendUsersAsync(IReadOnlyList<string> userIds, string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        SendEachAsync([.. userIds.SelectMany(local.Of)], methodName, args, cancellationToken);

    // SendConnectionAsync finds its one connection by id; SendConnectionsAsync, like SendUserAsync, scans them all.
    private Task SendEachAsync(HubConnectionContext[] connections, string methodName, object?[] args, CancellationToken cancellationToken) =>
        connections switch
        {
            [] => Task.CompletedTask,
            [var only] => SendConnectionAsync(only.ConnectionId, methodName, args, cancellationToken),
            _ => Task.WhenAll(connections.Select(c => SendConnectionAsync(c.ConnectionId, methodName, args, cancellationToken))),
        };
}
