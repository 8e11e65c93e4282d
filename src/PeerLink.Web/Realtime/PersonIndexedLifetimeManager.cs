using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using PeerLink.Web.Auth;

namespace PeerLink.Web.Realtime;

/// <summary>
/// SignalR's default lifetime manager finds a user's connections by testing every connection on the node, so
/// each event to one person cost a scan of everyone connected: at 5,000 people and 4,000 events a second, twenty
/// million comparisons a second. This keeps each person's connections, and sends to those alone. It also hands
/// each connection to <see cref="KeepAlive"/>, which pings the hub's connections spread over the interval, and
/// closes the connections of a session that was signed out.
/// </summary>
internal sealed class PersonIndexedLifetimeManager<THub>(ILogger<DefaultHubLifetimeManager<THub>> logger, KeepAlive keepAlive) : DefaultHubLifetimeManager<THub>(logger)
    where THub : Hub
{
    private readonly ConcurrentDictionary<string, HubConnectionContext[]> connectionsByPerson = new(StringComparer.Ordinal);

    public override async Task OnConnectedAsync(HubConnectionContext connection)
    {
        await base.OnConnectedAsync(connection);
        keepAlive.Connected(connection);
        if (connection.UserIdentifier is { } personId)
        {
            connectionsByPerson.AddOrUpdate(personId, [connection], (_, all) => [.. all, connection]);
        }
    }

    public override async Task OnDisconnectedAsync(HubConnectionContext connection)
    {
        keepAlive.Disconnected(connection);
        if (connection.UserIdentifier is { } personId)
        {
            var left = connectionsByPerson.AddOrUpdate(personId, [], (_, all) => [.. all.Where(c => c != connection)]);
            if (left.Length == 0)
            {
                connectionsByPerson.TryRemove(new KeyValuePair<string, HubConnectionContext[]>(personId, left));
            }
        }

        await base.OnDisconnectedAsync(connection);
    }

    /// <summary>The person's roles or sessions changed: their connections ask their grain again at their next call.</summary>
    public void ForgetAccess(string personId)
    {
        foreach (var connection in connectionsByPerson.GetValueOrDefault(personId, []))
        {
            ConnectionAccess.Of(connection).Forget();
        }
    }

    /// <summary>Closes the person's connections of this session, or all of them when <paramref name="sessionId"/> is null.</summary>
    public void Close(string personId, string? sessionId)
    {
        foreach (var connection in connectionsByPerson.GetValueOrDefault(personId, []))
        {
            if (sessionId is null || connection.User.SessionId() == sessionId)
            {
                connection.Abort();
            }
        }
    }

    public override Task SendUserAsync(string userId, string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        connectionsByPerson.TryGetValue(userId, out var connections) ? SendEachAsync(connections, methodName, args, cancellationToken) : Task.CompletedTask;

    public override Task SendUsersAsync(IReadOnlyList<string> userIds, string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        SendEachAsync([.. userIds.SelectMany(id => connectionsByPerson.GetValueOrDefault(id, []))], methodName, args, cancellationToken);

    // SendConnectionAsync finds its one connection by id; SendConnectionsAsync, like SendUserAsync, scans them all.
    private Task SendEachAsync(HubConnectionContext[] connections, string methodName, object?[] args, CancellationToken cancellationToken) =>
        connections switch
        {
            [] => Task.CompletedTask,
            [var only] => SendConnectionAsync(only.ConnectionId, methodName, args, cancellationToken),
            _ => Task.WhenAll(connections.Select(c => SendConnectionAsync(c.ConnectionId, methodName, args, cancellationToken))),
        };
}
