namespace PeerLink.Grains.Limits;

/// <summary>
/// How many live connections each web node says it holds (of one person, or from one address), so a cap counts them
/// over the whole cluster. A node that dies says nothing: what each node said lapses after <c>timeout</c> unless
/// its heartbeat says it again. Memory only, like the connections it counts: after a restart the nodes' next
/// heartbeats count them again.
/// </summary>
internal sealed class NodeLeases(TimeSpan timeout)
{
    private readonly Dictionary<string, (int Connections, DateTimeOffset Said)> nodes = new(StringComparer.Ordinal);

    /// <summary>Whether some node holds a connection.</summary>
    public bool Any => nodes.Count > 0;

    /// <summary>Counts one more connection on <paramref name="nodeId"/>, unless the nodes hold <paramref name="cap"/> already.</summary>
    public bool TryOpen(string nodeId, int cap, DateTimeOffset now)
    {
        Lapse(now);
        if (nodes.Values.Sum(n => n.Connections) >= cap)
        {
            return false;
        }

        nodes[nodeId] = (nodes.GetValueOrDefault(nodeId).Connections + 1, now);
        return true;
    }

    /// <summary>One connection on <paramref name="nodeId"/> closed.</summary>
    public void Close(string nodeId)
    {
        if (nodes.TryGetValue(nodeId, out var node))
        {
            Hold(nodeId, node.Connections - 1, node.Said);
        }
    }

    /// <summary>The node's heartbeat: it holds <paramref name="connections"/> now.</summary>
    public void Hold(string nodeId, int connections, DateTimeOffset now)
    {
        if (connections > 0)
        {
            nodes[nodeId] = (connections, now);
        }
        else
        {
            nodes.Remove(nodeId);
        }
    }

    /// <summary>Forgets what nodes said longer ago than the timeout.</summary>
    public void Lapse(DateTimeOffset now)
    {
        foreach (var (nodeId, node) in nodes)
        {
            if (now - node.Said >= timeout)
            {
                nodes.Remove(nodeId);
            }
        }
    }
}
