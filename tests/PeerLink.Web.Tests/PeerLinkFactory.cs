using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace PeerLink.Web.Tests;

/// <summary>The whole web app in-process, with settings a test chooses (storage provider, Redis address).</summary>
public sealed class PeerLinkFactory(IReadOnlyDictionary<string, string?> settings) : WebApplicationFactory<Program>
{
    public PeerLinkFactory()
        : this(new Dictionary<string, string?>())
    {
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }
}
