using Microsoft.AspNetCore.Hosting;
using PeerLink.Testing;

namespace PeerLink.Load.Hosting;

/// <summary>
/// PeerLink in this process on a real Kestrel at 127.0.0.1. Quick to start, but it shares this process's memory
/// and GC with the load clients, so its resident memory includes theirs.
/// </summary>
internal sealed class InProcessPeerLink : PeerLinkServer
{
    private readonly Factory factory;

    public InProcessPeerLink(IReadOnlyDictionary<string, string?> settings)
    {
        factory = new Factory(settings);
    }

    public override Uri BaseUrl => factory.BaseUrl;

    public override int? Pid => Environment.ProcessId;

    public override string Description => "in the load tool's process (its memory includes the load clients')";

    public override async ValueTask DisposeAsync() => await factory.DisposeAsync();

    private sealed class Factory(IReadOnlyDictionary<string, string?> settings) : LoopbackApp<Program>(settings)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            // PeerLink's appsettings.json and safety.json are copied beside this tool; the source tree may not be there.
            builder.UseContentRoot(AppContext.BaseDirectory);
            builder.UseEnvironment("Production");
            base.ConfigureWebHost(builder);
        }
    }
}
