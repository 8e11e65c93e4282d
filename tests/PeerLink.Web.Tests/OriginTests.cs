using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PeerLink.Testing.SignalR;

namespace PeerLink.Web.Tests;

/// <summary>Only PeerLink's own pages, or configured origins, may open the hub or change something from a browser.</summary>
public sealed class OriginTests
{
    [Fact]
    public async Task The_hub_opens_from_the_sites_own_origin_and_from_a_client_that_sends_none()
    {
        await using var app = new LivePeerLink();
        var (_, token) = await app.GuestAsync("River");

        await using var sameOrigin = await HubClient.ConnectAsync(app.HubUrl, token, origin: Origin(app.BaseUrl));
        await using var noOrigin = await HubClient.ConnectAsync(app.HubUrl, token);

        Assert.False(sameOrigin.Closed.IsCompleted);
        Assert.False(noOrigin.Closed.IsCompleted);
    }

    [Fact]
    public async Task The_hub_refuses_a_page_on_another_port_of_the_same_host()
    {
        await using var app = new LivePeerLink();
        var (_, token) = await app.GuestAsync("River");
        var otherPort = new UriBuilder(app.BaseUrl) { Port = app.BaseUrl.Port + 1 }.Uri;

        var refused = await Assert.ThrowsAnyAsync<Exception>(() => HubClient.ConnectAsync(app.HubUrl, token, origin: Origin(otherPort)));
        using var negotiate = new HttpRequestMessage(HttpMethod.Post, "/hubs/peerlink/negotiate?negotiateVersion=1");
        negotiate.Headers.Add("Origin", Origin(otherPort));
        var negotiated = await app.Client(token).SendAsync(negotiate);

        Assert.Contains("403", refused.Message, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, negotiated.StatusCode);
        Assert.Equal("origin-not-allowed", (await negotiated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_configured_origin_may_open_the_hub()
    {
        await using var app = new LivePeerLink(new Dictionary<string, string?> { ["PeerLink:Security:AllowedOrigins:0"] = "https://app.peerlink.example" });
        var (_, token) = await app.GuestAsync("River");

        await using var hub = await HubClient.ConnectAsync(app.HubUrl, token, origin: "https://app.peerlink.example");

        Assert.False(hub.Closed.IsCompleted);
    }

    [Fact]
    public async Task A_change_from_another_origin_is_refused_and_changes_nothing_while_a_read_is_answered()
    {
        await using var app = new LivePeerLink();
        var (_, token) = await app.GuestAsync("River");
        using var http = app.Client(token);
        http.DefaultRequestHeaders.Add("Origin", "http://evil.example");

        var change = await http.PutAsJsonAsync("/api/me/profile", new { identities = new[] { "veteran" }, languages = new[] { "en" }, timeZone = "UTC" });
        var read = await http.GetAsync("/api/languages");

        Assert.Equal(HttpStatusCode.Forbidden, change.StatusCode);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Empty((await app.Client(token).GetFromJsonAsync<JsonElement>("/api/me")).GetProperty("identities").EnumerateArray());
    }

    [Fact]
    public void An_allowed_origin_that_is_not_one_stops_start_up_naming_the_setting()
    {
        var failure = Assert.ThrowsAny<Exception>(() => new LivePeerLink(new Dictionary<string, string?> { ["PeerLink:Security:AllowedOrigins:0"] = "https://app.example/path" }));

        Assert.Contains("PeerLink:Security:AllowedOrigins", failure.ToString(), StringComparison.Ordinal);
    }

    private static string Origin(Uri url) => url.GetLeftPart(UriPartial.Authority);
}
