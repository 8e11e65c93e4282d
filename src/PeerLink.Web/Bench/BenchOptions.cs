namespace PeerLink.Web.Bench;

/// <summary>Bench-only switches, bound from "PeerLink:Bench". All off unless a load run turns them on.</summary>
public sealed class BenchOptions
{
    public const string SectionName = "PeerLink:Bench";

    /// <summary>Maps <see cref="EchoHub"/> at /hubs/echo, the load tool's bare-SignalR baseline.</summary>
    public bool EchoHub { get; set; }

    /// <summary>Maps POST <see cref="HeapSettling.Path"/> for admins: see <see cref="HeapSettling"/>.</summary>
    public bool SettleHeap { get; set; }
}
