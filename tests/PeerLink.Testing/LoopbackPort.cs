using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace PeerLink.Testing;

/// <summary>Ports for the servers tests and load runs start on 127.0.0.1.</summary>
public static class LoopbackPort
{
    // Test projects run side by side, each starting servers that bind their port seconds after it was chosen; a
    // port free when one chose it could be chosen by another in the meantime (seen in CI: "address already in
    // use"). So each port handed out is held, for as long as the process that took it lives, by a file named after
    // it that holds that process's id.
    private static readonly string Reservations = Path.Combine(Path.GetTempPath(), "peerlink-test-ports");
    private static readonly HashSet<int> HandedOut = [];

    /// <summary>
    /// A free port below the ephemeral range, handed out once across every test process on this machine. Within
    /// that range, a client that keeps reconnecting to a stopped server can by chance be given the server's port as
    /// its own and connect to itself, which then keeps the server from starting again.
    /// </summary>
    public static int Free()
    {
        Directory.CreateDirectory(Reservations);
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var port = Random.Shared.Next(20_000, 32_000);
            lock (HandedOut)
            {
                if (!HandedOut.Add(port))
                {
                    continue;
                }
            }

            if (IsBindable(port) && TryReserve(port))
            {
                return port;
            }
        }

        throw new InvalidOperationException("Found no free port between 20000 and 32000 for a test server.");
    }

    private static bool IsBindable(int port)
    {
        try
        {
            using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            listener.Bind(new IPEndPoint(IPAddress.Loopback, port));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static bool TryReserve(int port)
    {
        var path = Path.Combine(Reservations, port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        for (var attempt = 0; attempt < 2; attempt++)
        {
            try
            {
                using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
                using var writer = new StreamWriter(file);
                writer.Write(Environment.ProcessId);
                return true;
            }
            catch (IOException) when (File.Exists(path))
            {
                if (HolderIsAlive(path))
                {
                    return false;
                }

                // Left by a process that has ended: the port is free to take again.
                try
                {
                    File.Delete(path);
                }
                catch (IOException)
                {
                    return false;
                }
            }
        }

        return false;
    }

    private static bool HolderIsAlive(string path)
    {
        try
        {
            if (!int.TryParse(File.ReadAllText(path), out var pid))
            {
                // Being written just now.
                return true;
            }

            using var holder = Process.GetProcessById(pid);
            return !holder.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (IOException)
        {
            return true;
        }
    }
}
