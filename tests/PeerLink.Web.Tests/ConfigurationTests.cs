using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace PeerLink.Web.Tests;

public sealed class ConfigurationTests
{
    [Fact]
    public void Safety_defaults_are_loaded_and_a_setting_from_the_host_still_overrides_them()
    {
        using var app = new PeerLinkFactory(new Dictionary<string, string?> { ["PeerLink:Safety:FallbackLanguage"] = "es" });

        var configuration = app.Services.GetRequiredService<IConfiguration>();

        Assert.Equal("es", configuration["PeerLink:Safety:FallbackLanguage"]);
        Assert.NotEmpty(configuration.GetSection("PeerLink:Safety:Languages").GetChildren());
    }
}
