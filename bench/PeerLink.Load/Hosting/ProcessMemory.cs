using System.Globalization;

namespace PeerLink.Load.Hosting;

internal static class ProcessMemory
{
    /// <summary>A process's resident set in bytes, from /proc; null when it cannot be read (not Linux, or gone).</summary>
    public static long? ResidentBytes(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            return line is null ? null : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
        }
        catch (IOException)
        {
            return null;
        }
    }

    public static double? Megabytes(long? bytes) => bytes is { } b ? Math.Round(b / 1024.0 / 1024.0, 1) : null;
}
