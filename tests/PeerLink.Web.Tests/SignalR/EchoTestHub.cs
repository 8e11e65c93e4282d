using Microsoft.AspNetCore.SignalR;

namespace PeerLink.Web.Tests.SignalR;

public sealed record Shape(string DisplayName, int SideCount);

/// <summary>A hub that exercises the protocol's corners for the raw client's tests.</summary>
public sealed class EchoTestHub : Hub
{
    public string Echo(string text) => text;

    public Shape Describe(string name, int sides) => new(name, sides);

    /// <summary>Many events in a row, which the server packs several to a frame.</summary>
    public async Task Burst(int count)
    {
        for (var i = 0; i < count; i++)
        {
            await Clients.Caller.SendAsync("Tick", i);
        }
    }

    public void Refuse() => throw new HubException("not allowed");
}
