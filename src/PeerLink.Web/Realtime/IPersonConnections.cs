namespace PeerLink.Web.Realtime;

/// <summary>
/// What the server does to a person's hub connections, wherever they are open: on this node alone
/// (<see cref="LocalConnections"/>), or on every node of a cluster (<see cref="ClusterConnections"/>).
/// </summary>
public interface IPersonConnections
{
    /// <summary>The person's roles or sessions changed: their connections ask their grain again at their next call.</summary>
    void ForgetAccess(string personId);

    /// <summary>Closes the person's connections of this session, or all of them when <paramref name="sessionId"/> is null.</summary>
    void Close(string personId, string? sessionId);
}
