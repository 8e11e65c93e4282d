using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PeerLink.Testing.SignalR;

namespace PeerLink.Web.Tests;

/// <summary>Signing out ends a session at once: its token, its cookie and its live connections.</summary>
public sealed class SignOutTests
{
    [Fact]
    public async Task Signing_out_ends_this_session_at_once_and_the_persons_other_sessions_go_on()
    {
        await using var app = new LivePeerLink();
        var phone = await app.PeerAsync("peer-phone", ["veteran"]);
        var laptop = await app.LoginAsync("peer-phone", "peer password");

        var signOut = await app.Client(phone.Token).PostAsync("/api/auth/sign-out", null);

        Assert.Equal(HttpStatusCode.NoContent, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Client(phone.Token).GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.Client(laptop.Token).GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task Signing_out_everywhere_ends_every_session_of_the_person()
    {
        await using var app = new LivePeerLink();
        var phone = await app.PeerAsync("peer-all", ["veteran"]);
        var laptop = await app.LoginAsync("peer-all", "peer password");

        await app.Client(laptop.Token).PostAsync("/api/auth/sign-out-everywhere", null);

        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Client(phone.Token).GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Client(laptop.Token).GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task A_signed_out_sessions_live_connection_closes_and_cannot_open_again()
    {
        await using var app = new LivePeerLink();
        var (_, token) = await app.GuestAsync("River");
        await using var hub = await HubClient.ConnectAsync(app.HubUrl, token);

        await app.Client(token).PostAsync("/api/auth/sign-out", null);

        await hub.Closed.WaitAsync(TimeSpan.FromSeconds(10));
        await Assert.ThrowsAnyAsync<Exception>(() => HubClient.ConnectAsync(app.HubUrl, token));
    }

    [Fact]
    public async Task The_sign_in_cookie_stops_working_at_once_even_if_a_copy_is_kept()
    {
        await using var app = new LivePeerLink();
        var cookies = new CookieContainer();
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = app.BaseUrl };
        await browser.PostAsJsonAsync("/api/auth/guest", new { pseudonym = "River" });
        var kept = cookies.GetCookieHeader(app.BaseUrl);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/me")).StatusCode);

        await browser.PostAsync("/api/auth/sign-out", null);

        using var replay = new HttpRequestMessage(HttpMethod.Get, "/api/me");
        replay.Headers.Add("Cookie", kept);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Http.SendAsync(replay)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task A_deleted_persons_live_connections_close_and_their_token_answers_401()
    {
        await using var app = new LivePeerLink();
        var (_, token) = await app.GuestAsync("River");
        await using var hub = await HubClient.ConnectAsync(app.HubUrl, token);

        using var delete = new HttpRequestMessage(HttpMethod.Delete, "/api/me") { Content = JsonContent.Create(new { confirm = "delete my account" }) };
        Assert.Equal(HttpStatusCode.NoContent, (await app.Client(token).SendAsync(delete)).StatusCode);

        await hub.Closed.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Client(token).GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task Signing_out_needs_a_session()
    {
        await using var app = new LivePeerLink();

        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Http.PostAsync("/api/auth/sign-out", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Http.PostAsync("/api/auth/sign-out-everywhere", null)).StatusCode);
    }
}
