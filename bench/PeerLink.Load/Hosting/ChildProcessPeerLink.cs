using PeerLink.Testing;

namespace PeerLink.Load.Hosting;

/// <summary>
/// PeerLink as it runs in production, in a process of its own (<c>dotnet PeerLink.Web.dll</c> from this build),
/// so its resident memory and its GC are its own.
/// </summary>
internal sealed class ChildProcessPeerLink : PeerLinkServer
{
    private readonly PeerLinkProcess process;

    private ChildProcessPeerLink(PeerLinkProcess process) => this.process = process;

    public override Uri BaseUrl => process.BaseUrl;

    public override int? Pid => process.Pid;

    public override string Description => "in a process of its own (dotnet PeerLink.Web.dll)";

    public static async Task<ChildProcessPeerLink> StartAsync(IReadOnlyDictionary<string, string?> settings)
    {
        var server = new ChildProcessPeerLink(new PeerLinkProcess(typeof(Program).Assembly.Location, settings))
        {
            AdminPassword = settings["PeerLink:Admin:Password"]!,
        };
        try
        {
            await server.process.StartAsync();
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    public override string OutputTail() => process.Output;

    public override ValueTask DisposeAsync() => process.DisposeAsync();
}
