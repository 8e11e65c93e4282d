using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;

namespace PeerLink.Web.Realtime;

/// <summary>
/// One node's lifetime manager. SignalR's default finds a user's connections by testing every connection on the node,
/// so each event to one person cost a scan of everyone connected: at 5,000 people and 4,000 events a second, twenty
/// million comparisons a second. This sends to the person's own connections alone, as <see cref="LocalConnections"/>
/// keeps them, each through the <see cref="ConnectionOutbox"/>, so a connection that stops reading holds up nobody
/// else. In a cluster the Redis backplane's manager takes its place (<see cref="ClusterLifetimeManager{THub}"/>).
/// </summary>
internal sealed class PersonIndexedLifetimeManager<THub>(ILogger<DefaultHubLifetimeManager<THub>> logger, LocalConnections local, ConnectionOutbox outbox)
    : DefaultHubLifetimeManager<THub>(logger)
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

    public override Task SendUserAsync(string userId, string methodName, object?[] args, CancellationToken cancellationToken = default)
    {
        Send(local.Of(userId), methodName, args);
        return Task.CompletedTask;
    }

    public override Task SendUsersAsync(IReadOnlyList<string> userIds, string methodName, object?[] args, CancellationToken cancellationToken = default)
    {
        Send([.. userIds.SelectMany(local.Of)], methodName, args);
        return Task.CompletedTask;
    }

    // Serialized once, however many connections the person has open.
    private void Send(HubConnectionContext[] connections, string methodName, object?[] args)
    {
        if (connections.Length == 0)
        {
            return;
        }

        var message = new SerializedHubMessage(new InvocationMessage(methodName, args));
        foreach (var connection in connections)
        {
            outbox.Write(connection, message);
        }
    }
}
