using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using PeerLink.Web.Auth;

namespace PeerLink.Web.Realtime;

/// <summary>
/// The PeerLink hub connections open on this node, by person. Whichever lifetime manager runs (one node's, or the
/// Redis backplane's in a cluster) hands each connection here as it opens and closes, so this node can find a person's
/// connections without a scan, ping them (<see cref="KeepAlive"/>), and act on them when their access changes.
/// </summary>
internal sealed class LocalConnections(KeepAlive keepAlive) : IPersonConnections
{
    private readonly ConcurrentDictionary<string, HubConnectionContext[]> byPerson = new(StringComparer.Ordinal);

    public void Opened(HubConnectionContext connection)
    {
        keepAlive.Connected(connection);
        if (connection.UserIdentifier is { } personId)
        {
            byPerson.AddOrUpdate(personId, [connection], (_, all) => [.. all, connection]);
        }
    }

    public void Closed(HubConnectionContext connection)
    {
        keepAlive.Disconnected(connection);
        if (connection.UserIdentifier is { } personId)
        {
            var left = byPerson.AddOrUpdate(personId, [], (_, all) => [.. all.Where(c => c != connection)]);
            if (left.Length == 0)
            {
                byPerson.TryRemove(new KeyValuePair<string, HubConnectionContext[]>(personId, left));
            }
        }
    }

    /// <summary>The person's connections open on this node.</summary>
    public HubConnectionContext[] Of(string personId) => byPerson.GetValueOrDefault(personId, []);

    public void ForgetAccess(string personId)
    {
        foreach (var connection in Of(personId))
        {
            ConnectionAccess.Of(connection).Forget();
        }
    }

    public void Close(string personId, string? sessionId)
    {
        foreach (var connection in Of(personId))
        {
            if (sessionId is null || connection.User.SessionId() == sessionId)
            {
                connection.Abort();
            }
        }
    }
}
