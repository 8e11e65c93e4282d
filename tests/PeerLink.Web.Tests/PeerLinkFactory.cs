using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace PeerLink.Web.Tests;

/// <summary>The whole web app in-process, with settings a test chooses (storage provider, Redis address), in Development unless told.</summary>
public sealed class PeerLinkFactory(IReadOnlyDictionary<string, string?> settings, string? environment = null) : WebApplicationFactory<Program>
{
    public PeerLinkFactory()
        : this(new Dictionary<string, string?>())
    {
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        if (environment is not null)
        {
            builder.UseEnvironment(environment);
        }

        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }
}
