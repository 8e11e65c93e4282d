using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using PeerLink.Grains.Limits;

namespace PeerLink.Web.Realtime;

public sealed class ConnectionLimitOptions
{
    public const string SectionName = "PeerLink:Limits";

    /// <summary>Hub connections one person may hold open at once (tabs and devices), over the whole cluster.</summary>
    public int ConnectionsPerPerson { get; set; } = 10;

    /// <summary>
    /// Hub connections one address may hold open at once, over the whole cluster. The address is the connection's
    /// remote address, so behind a proxy that does not pass the client's own on, every person shares one: raise it there.
    /// </summary>
    public int ConnectionsPerAddress { get; set; } = 200;
}

/// <summary>
/// Refuses a hub connection from an address that holds its cap already, before the hub sees it, with the code
/// "connections-too-many" in the close message; the hub then holds the person to theirs (<see cref="Presence"/>).
/// Both count over the whole cluster: each node tells the address's grain of every connection that opens and
/// closes, and beats what it holds every <see cref="Presence.Beat"/>, so what a node that dies held lapses.
/// </summary>
internal sealed class ConnectionCaps(IGrainFactory grains, Presence presence, IOptions<ConnectionLimitOptions> options, TimeProvider time, ILogger<ConnectionCaps> logger)
    : BackgroundService, IHubFilter
{
    private const string Counted = "peerlink.connection-counted";

    private readonly ConcurrentDictionary<string, int> byAddress = new(StringComparer.Ordinal);

    public async Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        var address = AddressOf(context.Context);
        byAddress.AddOrUpdate(address, 1, static (_, n) => n + 1);
        bool opened;
        try
        {
            opened = await Grain(address).TryOpen(presence.NodeId, options.Value.ConnectionsPerAddress);
        }
        catch
        {
            Release(address);
            throw;
        }

        if (!opened)
        {
            Release(address);
            logger.LogInformation("Hub connection refused: {PersonId} connects from an address over the connections-per-address cap", context.Context.UserIdentifier);
            throw new HubException("connections-too-many: Too many PeerLink connections come from your network; try again in a little while.");
        }

        context.Context.Items[Counted] = true;
        try
        {
            await next(context);
        }
        catch
        {
            // The hub refused the connection itself: SignalR will not call OnDisconnectedAsync for it.
            await ReleaseAsync(context.Context);
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
            await ReleaseAsync(context.Context);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Presence.Beat, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            foreach (var (address, connections) in byAddress)
            {
                try
                {
                    await Grain(address).Hold(presence.NodeId, connections);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogWarning(e, "Heartbeat for an address's connections failed");
                }
            }
        }
    }

    private async Task ReleaseAsync(HubCallerContext connection)
    {
        if (connection.Items.Remove(Counted))
        {
            var address = AddressOf(connection);
            Release(address);
            await Grain(address).Close(presence.NodeId);
        }
    }

    private IAddressConnectionsGrain Grain(string address) => grains.GetGrain<IAddressConnectionsGrain>(address);

    private static string AddressOf(HubCallerContext connection) =>
        connection.GetHttpContext()?.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private void Release(string address)
    {
        if (byAddress.AddOrUpdate(address, 0, static (_, n) => n - 1) <= 0)
        {
            byAddress.TryRemove(new KeyValuePair<string, int>(address, 0));
        }
    }
}
