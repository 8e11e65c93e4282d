using Microsoft.AspNetCore.Hosting;
using PeerLink.Testing;

namespace PeerLink.PageLoad;

/// <summary>The whole app in this process on Kestrel at 127.0.0.1, memory storage, in Development as the browser tests run it.</summary>
internal sealed class PeerLinkSite() : LoopbackApp<Program>(Quiet)
{
    // The report is the figures; the server's log would bury them.
    private static readonly Dictionary<string, string?> Quiet = new()
    {
        ["Logging:LogLevel:Default"] = "Error",
        ["Logging:LogLevel:Microsoft"] = "Error",
        ["Logging:LogLevel:Orleans"] = "Error",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // PeerLink's settings files are copied beside this tool, and in Development its static files are found
        // through the build's static web assets manifest, as in the browser tests.
        builder.UseContentRoot(AppContext.BaseDirectory);
        builder.UseEnvironment("Development");
        base.ConfigureWebHost(builder);
    }
}
