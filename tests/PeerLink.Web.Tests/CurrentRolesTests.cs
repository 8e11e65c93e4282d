using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PeerLink.Grains.People;
using PeerLink.Testing.SignalR;
using PeerLink.Web.Auth;

namespace PeerLink.Web.Tests;

/// <summary>Every endpoint and hub method runs with the roles a person has now, not the ones in their token.</summary>
public sealed class CurrentRolesTests
{
    private static readonly Dictionary<string, string?> Demo = new() { ["PeerLink:Demo:Seed"] = "true", ["PeerLink:Demo:Password"] = "demo password" };

    [Fact]
    public async Task A_demoted_admin_is_refused_on_the_very_next_request_and_cannot_promote_themselves_back_or_demote_the_real_admin()
    {
        await using var app = new LivePeerLink(Demo);
        var realAdmin = await app.LoginAsync("admin", "demo password");
        var demotedId = await app.Services.GetRequiredService<AccountProvisioner>().CreateAsync("second-admin", "admin password", "Second", Role.Admin);
        var demoted = await app.LoginAsync("second-admin", "admin password");
        using var demotedHttp = app.Client(demoted.Token);
        Assert.Equal(HttpStatusCode.OK, (await demotedHttp.GetAsync("/api/admin/audit")).StatusCode);

        (await app.Client(realAdmin.Token).PutAsJsonAsync($"/api/admin/people/{demotedId}/roles", new { roles = new[] { "seeker" } })).EnsureSuccessStatusCode();

        Assert.Equal(HttpStatusCode.Forbidden, (await demotedHttp.GetAsync("/api/admin/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await demotedHttp.GetAsync("/api/moderation/dashboard")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await demotedHttp.PostAsJsonAsync("/api/admin/invites", new { role = "moderator" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await demotedHttp.PutAsJsonAsync($"/api/admin/people/{demotedId}/roles", new { roles = new[] { "admin", "moderator" } })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await demotedHttp.PutAsJsonAsync($"/api/admin/people/{realAdmin.PersonId}/roles", new { roles = new[] { "seeker" } })).StatusCode);
        var me = await demotedHttp.GetFromJsonAsync<JsonElement>("/api/me");
        Assert.Equal("seeker", me.GetProperty("roles").GetString());
        Assert.Contains("admin", (await app.Client(realAdmin.Token).GetFromJsonAsync<JsonElement>("/api/me")).GetProperty("roles").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_role_granted_after_sign_in_works_with_the_token_and_the_connection_the_person_already_has()
    {
        await using var app = new LivePeerLink(Demo);
        var admin = await app.LoginAsync("admin", "demo password");
        var seeker = await app.GuestAsync("Sam");
        await using var hub = await HubClient.ConnectAsync(app.HubUrl, seeker.Token);
        var before = await Assert.ThrowsAsync<HubInvocationException>(() => hub.InvokeAsync("SetOnDuty", true));

        (await app.Client(admin.Token).PutAsJsonAsync($"/api/admin/people/{seeker.PersonId}/roles", new { roles = new[] { "seeker", "moderator" } })).EnsureSuccessStatusCode();

        Assert.Contains("forbidden:", before.ServerMessage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await app.Client(seeker.Token).GetAsync("/api/moderation/dashboard")).StatusCode);
        await hub.InvokeAsync("SetOnDuty", true);
    }

    [Fact]
    public async Task A_peer_whose_role_is_taken_away_loses_the_peer_hub_methods_at_once_and_keeps_the_connection()
    {
        await using var app = new LivePeerLink(Demo);
        var admin = await app.LoginAsync("admin", "demo password");
        var peer = await app.LoginAsync("peer3", "demo password");
        await using var hub = await HubClient.ConnectAsync(app.HubUrl, peer.Token);
        await hub.InvokeAsync("SetAvailability", new { available = true, capacity = 1 });

        (await app.Client(admin.Token).PutAsJsonAsync($"/api/admin/people/{peer.PersonId}/roles", new { roles = new[] { "seeker" } })).EnsureSuccessStatusCode();
        var refused = await Assert.ThrowsAsync<HubInvocationException>(() => hub.InvokeAsync("SetAvailability", new { available = true, capacity = 1 }));

        Assert.Contains("forbidden:", refused.ServerMessage, StringComparison.Ordinal);
        Assert.False(hub.Closed.IsCompleted);
        await hub.InvokeAsync<JsonElement>("RequestConversation", new { identities = new[] { "veteran" }, language = "en" });
    }

    [Fact]
    public async Task A_deleted_admins_token_creates_no_invites()
    {
        await using var app = new LivePeerLink(Demo);
        await app.Services.GetRequiredService<AccountProvisioner>().CreateAsync("leaving-admin", "admin password", "Leaving", Role.Admin);
        var leaving = await app.LoginAsync("leaving-admin", "admin password");
        using var http = app.Client(leaving.Token);

        using var delete = new HttpRequestMessage(HttpMethod.Delete, "/api/me") { Content = JsonContent.Create(new { confirm = "delete my account" }) };
        (await http.SendAsync(delete)).EnsureSuccessStatusCode();

        Assert.Equal(HttpStatusCode.Unauthorized, (await http.PostAsJsonAsync("/api/admin/invites", new { role = "moderator" })).StatusCode);
    }
}
