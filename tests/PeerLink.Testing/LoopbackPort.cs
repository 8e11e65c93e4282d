using System.Net;
using System.Net.Sockets;

namespace PeerLink.Testing;

/// <summary>Ports for the servers tests and load runs start on 127.0.0.1.</summary>
public static class LoopbackPort
{
    /// <summary>
    /// A free port below the ephemeral range. Within that range, a client that keeps reconnecting to a
    /// stopped server can by chance be given the server's port as its own and connect to itself,
    /// which then keeps the server from starting again.
    /// </summary>
    public static int Free()
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var port = Random.Shared.Next(20_000, 32_000);
            try
            {
                using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                listener.Bind(new IPEndPoint(IPAddress.Loopback, port));
                return port;
            }
            catch (SocketException)
            {
                // Taken; try another.
            }
        }

        throw new InvalidOperationException("Found no free port between 20000 and 32000 for a test server.");
    }
}
