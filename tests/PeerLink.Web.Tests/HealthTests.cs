using System.Net;
using System.Text.Json;

namespace PeerLink.Web.Tests;

public sealed class HealthTests
{
    [Fact]
    public async Task Healthz_reports_memory_storage_reachable_by_default()
    {
        await using var app = new PeerLinkFactory();
        using var client = app.CreateClient();

        var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative));
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", body.RootElement.GetProperty("status").GetString());
        Assert.Equal("reachable", body.RootElement.GetProperty("checks").GetProperty("storage").GetProperty("data").GetProperty("memory").GetString());
    }

    [Fact]
    public async Task Healthz_follows_Redis_going_away_and_coming_back()
    {
        await using var redis = await RedisServer.StartNewAsync(appendOnly: true);
        await using var app = new PeerLinkFactory(new Dictionary<string, string?>
        {
            ["PeerLink:Storage:Provider"] = "Redis",
            ["PeerLink:Storage:RedisConnectionString"] = redis.ConnectionString,
        });
        using var client = app.CreateClient();
        var healthz = new Uri("/healthz", UriKind.Relative);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(healthz)).StatusCode);

        await redis.StopAsync();
        var down = await client.GetAsync(healthz);
        var downBody = await down.Content.ReadAsStringAsync();
        await redis.StartAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
        Assert.Contains("unreachable", downBody, StringComparison.Ordinal);
        await Eventually.TrueAsync(async () => (await client.GetAsync(healthz)).StatusCode == HttpStatusCode.OK, "healthy again once Redis is back", TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task An_unknown_storage_provider_stops_start_up_with_a_clear_error()
    {
        await using var app = new PeerLinkFactory(new Dictionary<string, string?> { ["PeerLink:Storage:Provider"] = "Cassandra" });

        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains("Cassandra", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_home_page_says_PeerLink_is_not_a_crisis_service()
    {
        await using var app = new PeerLinkFactory();
        using var client = app.CreateClient();

        var page = await client.GetStringAsync(new Uri("/", UriKind.Relative));

        Assert.Contains("not a crisis service", page, StringComparison.Ordinal);
    }
}
