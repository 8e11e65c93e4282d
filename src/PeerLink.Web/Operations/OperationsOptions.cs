using System.Net;

namespace PeerLink.Web.Operations;

/// <summary>What operators may see and from where ("PeerLink:Operations").</summary>
public sealed class OperationsOptions
{
    public const string SectionName = "PeerLink:Operations";

    /// <summary>
    /// Addresses (single addresses or CIDR ranges such as "10.0.0.0/8") from which GET /metrics answers without
    /// sign-in, for a Prometheus scraper. Empty means loopback only. Admins may read it from anywhere.
    /// </summary>
    public List<string> MetricsAddresses { get; set; } = [];

    /// <summary>Maps the Orleans dashboard at <see cref="DashboardPath"/> for admins. Off unless set.</summary>
    public bool DashboardEnabled { get; set; }

    public string DashboardPath { get; set; } = "/admin/orleans";

    /// <summary>The parsed <see cref="MetricsAddresses"/>; null when one does not parse.</summary>
    public IReadOnlyList<IPNetwork>? MetricsNetworks()
    {
        var networks = new List<IPNetwork>();
        foreach (var entry in MetricsAddresses)
        {
            if (IPNetwork.TryParse(entry, out var network))
            {
                networks.Add(network);
            }
            else if (IPAddress.TryParse(entry, out var address))
            {
                networks.Add(new IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128));
            }
            else
            {
                return null;
            }
        }

        return networks;
    }
}
