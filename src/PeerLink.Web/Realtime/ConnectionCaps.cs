using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace PeerLink.Web.Realtime;

public sealed class ConnectionLimitOptions
{
    public const string SectionName = "PeerLink:Limits";

    /// <summary>Hub connections one person may hold open at once (tabs and devices).</summary>
    public int ConnectionsPerPerson { get; set; } = 10;

    /// <summary>
    /// Hub connections one address may hold open at once. The address is the connection's remote address, so behind
    /// a proxy that does not pass the client's own on, every person shares one: raise it there.
    /// </summary>
    public int ConnectionsPerAddress { get; set; } = 200;
}

/// <summary>
/// Refuses a hub connection past the caps on connections per person and per address, before the hub sees it, with
/// the code "connections-too-many" in the close message. Counted by this node: a person's connections to the
/// other nodes of a cluster are not counted here.
/// </summary>
internal sealed class ConnectionCaps(IOptions<ConnectionLimitOptions> options, ILogger<ConnectionCaps> logger) : IHubFilter
{
    private const string Counted = "peerlink.connection-counted";

    private readonly ConcurrentDictionary<string, int> byPerson = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> byAddress = new(StringComparer.Ordinal);

    public async Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        var (personId, address) = Keys(context.Context);
        if (!TryTake(byPerson, personId, options.Value.ConnectionsPerPerson))
        {
            Refuse(personId, "person", $"You have {options.Value.ConnectionsPerPerson} PeerLink windows open already; close one and try again.");
        }

        if (!TryTake(byAddress, address, options.Value.ConnectionsPerAddress))
        {
            Release(byPerson, personId);
            Refuse(personId, "address", "Too many PeerLink connections come from your network; try again in a little while.");
        }

        context.Context.Items[Counted] = true;
        try
        {
            await next(context);
        }
        catch
        {
            // The hub refused the connection itself: SignalR will not call OnDisconnectedAsync for it.
            ReleaseAll(context.Context);
            throw;
        }
    }

    public async Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        try
        {
            await next(context, exception);
        }
        finally
        {
            ReleaseAll(context.Context);
        }
    }

    /// <summary>How many connections this node counts for the person; for tests.</summary>
    internal int CountFor(string personId) => byPerson.GetValueOrDefault(personId);

    private void ReleaseAll(HubCallerContext connection)
    {
        if (connection.Items.Remove(Counted))
        {
            var (personId, address) = Keys(connection);
            Release(byPerson, personId);
            Release(byAddress, address);
        }
    }

    private static (string PersonId, string Address) Keys(HubCallerContext connection) =>
        (connection.UserIdentifier ?? string.Empty, connection.GetHttpContext()?.Connection.RemoteIpAddress?.ToString() ?? "unknown");

    private void Refuse(string personId, string cap, string message)
    {
        logger.LogInformation("Hub connection refused: {PersonId} is over the connections-per-{Cap} cap", personId, cap);
        throw new HubException($"connections-too-many: {message}");
    }

    private static bool TryTake(ConcurrentDictionary<string, int> counts, string key, int cap)
    {
        if (counts.AddOrUpdate(key, 1, static (_, n) => n + 1) <= cap)
        {
            return true;
        }

        Release(counts, key);
        return false;
    }

    private static void Release(ConcurrentDictionary<string, int> counts, string key)
    {
        if (counts.AddOrUpdate(key, 0, static (_, n) => n - 1) <= 0)
        {
            counts.TryRemove(new KeyValuePair<string, int>(key, 0));
        }
    }
}
