namespace PeerLink.Grains.Events;

/// <summary>
/// Where grains publish events. Implementations must return at once (queue, then deliver), because
/// grains publish inside their turns. The Web project adapts this to SignalR; tests record.
/// </summary>
public interface IPeerLinkEvents
{
    void Publish(PeerLinkEvent e);
}

/// <summary>Drops every event: for hosts with nobody to tell, such as benchmarks.</summary>
public sealed class NoPeerLinkEvents : IPeerLinkEvents
{
    public void Publish(PeerLinkEvent e)
    {
    }
}
