using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace PeerLink.Web.Tests.SignalR;

/// <summary>A real Kestrel on 127.0.0.1 and a free port, serving <see cref="EchoTestHub"/>.</summary>
public sealed class TestHubServer : IAsyncLifetime
{
    private WebApplication? app;

    public Uri HubUrl { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        builder.Services.AddSignalR();
        app = builder.Build();
        app.UseWebSockets();
        app.MapHub<EchoTestHub>("/hubs/test");
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        HubUrl = new Uri(new Uri(address), "/hubs/test");
    }

    public async Task DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
        }
    }
}
