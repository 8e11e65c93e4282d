using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;

namespace PeerLink.Web.Realtime;

/// <summary>
/// SignalR's default lifetime manager finds a user's connections by testing every connection on the node, so
/// each event to one person cost a scan of everyone connected: at 5,000 people and 4,000 events a second, twenty
/// million comparisons a second. This keeps each person's connection ids, and sends to those alone. It also hands
/// each connection to <see cref="KeepAlive"/>, which pings the hub's connections spread over the interval.
/// </summary>
internal sealed class PersonIndexedLifetimeManager<THub>(ILogger<DefaultHubLifetimeManager<THub>> logger, KeepAlive keepAlive) : DefaultHubLifetimeManager<THub>(logger)
    where THub : Hub
{
    private readonly ConcurrentDictionary<string, string[]> connectionsByPerson = new(StringComparer.Ordinal);

    public override async Task OnConnectedAsync(HubConnectionContext connection)
    {
        await base.OnConnectedAsync(connection);
        keepAlive.Connected(connection);
        if (connection.UserIdentifier is { } personId)
        {
            connectionsByPerson.AddOrUpdate(personId, [connection.ConnectionId], (_, ids) => [.. ids, connection.ConnectionId]);
        }
    }

    public override async Task OnDisconnectedAsync(HubConnectionContext connection)
    {
        keepAlive.Disconnected(connection);
        if (connection.UserIdentifier is { } personId)
        {
            var left = connectionsByPerson.AddOrUpdate(personId, [], (_, ids) => [.. ids.Where(id => id != connection.ConnectionId)]);
            if (left.Length == 0)
            {
                connectionsByPerson.TryRemove(new KeyValuePair<string, string[]>(personId, left));
            }
        }

        await base.OnDisconnectedAsync(connection);
    }

    public override Task SendUserAsync(string userId, string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        connectionsByPerson.TryGetValue(userId, out var ids) ? SendEachAsync(ids, methodName, args, cancellationToken) : Task.CompletedTask;

    public override Task SendUsersAsync(IReadOnlyList<string> userIds, string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        SendEachAsync([.. userIds.SelectMany(id => connectionsByPerson.GetValueOrDefault(id, []))], methodName, args, cancellationToken);

    // SendConnectionAsync finds its one connection by id; SendConnectionsAsync, like SendUserAsync, scans them all.
    private Task SendEachAsync(string[] connectionIds, string methodName, object?[] args, CancellationToken cancellationToken) =>
        connectionIds switch
        {
            [] => Task.CompletedTask,
            [var only] => SendConnectionAsync(only, methodName, args, cancellationToken),
            _ => Task.WhenAll(connectionIds.Select(id => SendConnectionAsync(id, methodName, args, cancellationToken))),
        };
}
