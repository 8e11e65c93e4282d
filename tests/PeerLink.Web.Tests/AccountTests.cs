using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PeerLink.Testing.SignalR;

namespace PeerLink.Web.Tests;

public sealed class AccountTests
{
    private static readonly Dictionary<string, string?> Demo = new()
    {
        ["PeerLink:Demo:Seed"] = "true",
        ["PeerLink:Demo:Password"] = "demo password",
    };

    [Fact]
    public async Task Demo_mode_seeds_trained_English_peers_a_moderator_an_admin_and_rooms()
    {
        await using var app = new LivePeerLink(Demo);

        var peer = await app.LoginAsync("peer3", "demo password");
        var moderator = await app.LoginAsync("moderator", "demo password");
        var admin = await app.LoginAsync("admin", "demo password");

        using var peerHttp = app.Client(peer.Token);
        var me = await peerHttp.GetFromJsonAsync<JsonElement>("/api/me");
        Assert.Equal("peer", me.GetProperty("roles").GetString());
        Assert.Equal(JsonValueKind.Object, me.GetProperty("training").ValueKind);
        Assert.Equal(["en"], me.GetProperty("languages").EnumerateArray().Select(l => l.GetString()));
        Assert.NotEmpty(me.GetProperty("identities").EnumerateArray());
        Assert.Equal("moderator", (await app.Client(moderator.Token).GetFromJsonAsync<JsonElement>("/api/me")).GetProperty("roles").GetString());
        Assert.Equal("admin", (await app.Client(admin.Token).GetFromJsonAsync<JsonElement>("/api/me")).GetProperty("roles").GetString());
        Assert.True((await peerHttp.GetFromJsonAsync<JsonElement>("/api/groups")).GetArrayLength() >= 3);
    }

    [Fact]
    public async Task A_demo_peer_can_go_available_and_take_a_seeker()
    {
        await using var app = new LivePeerLink(Demo);
        var peer = await app.LoginAsync("peer1", "demo password");
        var seeker = await app.GuestAsync("River");
        await using var peerHub = await HubClient.ConnectAsync(app.HubUrl, peer.Token);
        await using var seekerHub = await HubClient.ConnectAsync(app.HubUrl, seeker.Token);

        await peerHub.InvokeAsync("SetAvailability", new { available = true, capacity = 2 });
        await seekerHub.InvokeAsync<JsonElement>("RequestConversation", new { identities = new[] { "veteran" }, language = "en" });

        Assert.Equal(["veteran"], (await peerHub.WaitForEventAsync("OfferReceived")).Arguments[0].GetProperty("identities").EnumerateArray().Select(i => i.GetString()));
    }

    [Fact]
    public async Task Demo_mode_without_a_password_refuses_to_start()
    {
        var error = Assert.ThrowsAny<Exception>(() => new LivePeerLink(new Dictionary<string, string?> { ["PeerLink:Demo:Seed"] = "true" }));

        Assert.Contains("PeerLink:Demo:Password", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invite_valid_for_too_few_or_too_many_days_is_refused_with_a_code_even_past_the_range_of_a_time_span()
    {
        await using var app = new LivePeerLink(Demo);
        using var adminHttp = app.Client((await app.LoginAsync("admin", "demo password")).Token);

        foreach (var days in new[] { int.MaxValue, int.MinValue, 0, -1, 31 })
        {
            var refused = await adminHttp.PostAsJsonAsync("/api/admin/invites", new { role = "peer", validDays = days });

            Assert.Equal(System.Net.HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Equal("invite-validity-invalid", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        }

        Assert.Equal(System.Net.HttpStatusCode.Created, (await adminHttp.PostAsJsonAsync("/api/admin/invites", new { role = "peer", validDays = 30 })).StatusCode);
    }

    [Fact]
    public async Task An_admins_invite_makes_a_peer_once_and_training_lets_them_go_available()
    {
        await using var app = new LivePeerLink(Demo);
        var admin = await app.LoginAsync("admin", "demo password");
        using var adminHttp = app.Client(admin.Token);
        var invite = await (await adminHttp.PostAsJsonAsync("/api/admin/invites", new { role = "peer" })).Content.ReadFromJsonAsync<JsonElement>();
        var code = invite.GetProperty("code").GetString();

        var registered = await app.Http.PostAsJsonAsync("/api/auth/register", new { inviteCode = code, username = "newpeer", password = "new peer password", pseudonym = "Noor" });
        var again = await app.Http.PostAsJsonAsync("/api/auth/register", new { inviteCode = code, username = "otherpeer", password = "new peer password", pseudonym = "Other" });
        var peerId = (await registered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("personId").GetString();
        var login = await app.LoginAsync("newpeer", "new peer password");
        await using var hub = await HubClient.ConnectAsync(app.HubUrl, login.Token);
        var untrained = await Assert.ThrowsAsync<HubInvocationException>(() => hub.InvokeAsync("SetAvailability", new { available = true, capacity = 1 }));
        var trained = await adminHttp.PostAsync($"/api/admin/people/{peerId}/training", null);
        using var peerHttp = app.Client(login.Token);
        (await peerHttp.PutAsJsonAsync("/api/me/profile", new { identities = new[] { "student" }, languages = new[] { "en" }, timeZone = "Europe/London" })).EnsureSuccessStatusCode();
        await hub.InvokeAsync("SetAvailability", new { available = true, capacity = 1 });

        Assert.Equal(HttpStatusCode.OK, registered.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Equal("invite-invalid", (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Contains("training-required:", untrained.ServerMessage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, trained.StatusCode);
        Assert.True((await peerHttp.GetFromJsonAsync<JsonElement>("/api/me")).GetProperty("available").GetBoolean());
    }

    [Fact]
    public async Task Only_admins_invite_and_a_refused_registration_spends_no_invite()
    {
        await using var app = new LivePeerLink(Demo);
        var admin = await app.LoginAsync("admin", "demo password");
        var peer = await app.LoginAsync("peer1", "demo password");
        using var adminHttp = app.Client(admin.Token);
        using var peerHttp = app.Client(peer.Token);

        var refused = await peerHttp.PostAsJsonAsync("/api/admin/invites", new { role = "moderator" });
        var code = (await (await adminHttp.PostAsJsonAsync("/api/admin/invites", new { role = "moderator" })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString();
        var taken = await app.Http.PostAsJsonAsync("/api/auth/register", new { inviteCode = code, username = "peer1", password = "long enough", pseudonym = "Mod" });
        var ok = await app.Http.PostAsJsonAsync("/api/auth/register", new { inviteCode = code, username = "newmod", password = "long enough", pseudonym = "Mod" });

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("username-taken", (await taken.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
    }

    [Fact]
    public async Task A_guest_keeps_their_account_with_a_passphrase_and_signs_in_with_it_later()
    {
        await using var app = new LivePeerLink();
        var guest = await app.GuestAsync("River");
        using var http = app.Client(guest.Token);

        var kept = await http.PutAsJsonAsync("/api/me/passphrase", new { username = "river.k", passphrase = "my long passphrase" });
        var twice = await http.PutAsJsonAsync("/api/me/passphrase", new { username = "river.j", passphrase = "my long passphrase" });
        var later = await app.LoginAsync("river.k", "my long passphrase");

        Assert.Equal(HttpStatusCode.OK, kept.StatusCode);
        Assert.Equal("account-exists", (await twice.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Equal(guest.PersonId, later.PersonId);
    }
}
