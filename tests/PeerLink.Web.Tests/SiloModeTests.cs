namespace PeerLink.Web.Tests;

/// <summary>PeerLink:Web:SiloMode: a web node co-hosts its silo unless told to be a client of dedicated ones.</summary>
public sealed class SiloModeTests
{
    [Theory]
    [InlineData("Remote", "PeerLink:Web:SiloMode is 'Remote'")]
    [InlineData("Client", "set Orleans:Clustering:ProviderType to Redis")]
    public async Task A_bad_silo_mode_or_a_client_with_no_cluster_to_find_stops_start_up_with_a_clear_error(string mode, string expected)
    {
        await using var app = new PeerLinkFactory(new Dictionary<string, string?> { ["PeerLink:Web:SiloMode"] = mode });

        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains(expected, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_orleans_dashboard_is_refused_on_a_web_node_that_has_no_silo()
    {
        await using var app = new PeerLinkFactory(new Dictionary<string, string?>
        {
            ["PeerLink:Web:SiloMode"] = "client",
            ["PeerLink:Operations:DashboardEnabled"] = "true",
        });

        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains("DashboardEnabled needs a silo in this process", error.ToString(), StringComparison.Ordinal);
    }
}
