using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace PeerLink.Web.Tests;

public sealed class AuthApiTests
{
    private static readonly Dictionary<string, string?> WithAdmin = new()
    {
        ["PeerLink:Admin:Username"] = "Admin",
        ["PeerLink:Admin:Password"] = "correct horse battery",
    };

    [Fact]
    public async Task A_guest_gets_a_token_that_reads_their_own_profile()
    {
        await using var app = new PeerLinkFactory();
        using var client = app.CreateClient(new() { HandleCookies = false });

        var signedIn = await LivePeerLink.SignInAsync(client, "/api/auth/guest", new { pseudonym = "  River  " });
        var me = await GetMeAsync(client, signedIn.Token);

        Assert.Equal(signedIn.PersonId, me.GetProperty("personId").GetString());
        Assert.Equal("River", me.GetProperty("pseudonym").GetString());
        Assert.Equal("seeker", me.GetProperty("roles").GetString());
    }

    [Fact]
    public async Task A_browser_guest_is_signed_in_by_cookie_too()
    {
        await using var app = new PeerLinkFactory();
        using var client = app.CreateClient();

        await LivePeerLink.SignInAsync(client, "/api/auth/guest", new { pseudonym = "River" });
        var me = await client.GetFromJsonAsync<JsonElement>("/api/me");

        Assert.Equal("River", me.GetProperty("pseudonym").GetString());
    }

    [Fact]
    public async Task Without_a_token_the_api_answers_401()
    {
        await using var app = new PeerLinkFactory();
        using var client = app.CreateClient();

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(new Uri("/api/me", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(new Uri("/api/identities", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task A_forged_token_answers_401()
    {
        await using var app = new PeerLinkFactory();
        using var client = app.CreateClient(new() { HandleCookies = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "not-a-real-token");

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(new Uri("/api/me", UriKind.Relative))).StatusCode);
    }

    [Theory]
    [InlineData("")]
    [InlineData("x")]
    [InlineData("line\nbreak")]
    [InlineData("\u202Eadmin")]
    [InlineData("mod\u200Berator")]
    [InlineData("\u3164")]
    public async Task A_bad_pseudonym_is_a_problem_with_a_code(string pseudonym)
    {
        await using var app = new PeerLinkFactory();
        using var client = app.CreateClient();

        var response = await client.PostAsJsonAsync("/api/auth/guest", new { pseudonym });
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("pseudonym-invalid", problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task The_configured_first_admin_can_sign_in_and_a_wrong_password_cannot()
    {
        await using var app = new PeerLinkFactory(WithAdmin);
        using var client = app.CreateClient(new() { HandleCookies = false });

        var signedIn = await LivePeerLink.SignInAsync(client, "/api/auth/login", new { username = "admin", password = "correct horse battery" });
        var wrong = await client.PostAsJsonAsync("/api/auth/login", new { username = "admin", password = "wrong password" });
        var unknown = await client.PostAsJsonAsync("/api/auth/login", new { username = "nobody", password = "correct horse battery" });

        Assert.Equal("admin", (await GetMeAsync(client, signedIn.Token)).GetProperty("roles").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        var (wrongProblem, unknownProblem) = (await wrong.Content.ReadFromJsonAsync<JsonElement>(), await unknown.Content.ReadFromJsonAsync<JsonElement>());
        Assert.Equal(wrongProblem.GetProperty("detail").GetString(), unknownProblem.GetProperty("detail").GetString());
        Assert.Equal(wrongProblem.GetProperty("title").GetString(), unknownProblem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_signed_in_person_reads_the_identity_catalog()
    {
        await using var app = new PeerLinkFactory();
        using var client = app.CreateClient();
        await LivePeerLink.SignInAsync(client, "/api/auth/guest", new { pseudonym = "River" });

        var identities = await client.GetFromJsonAsync<JsonElement>("/api/identities");

        Assert.Contains(identities.EnumerateArray(), i => i.GetProperty("id").GetString() == "veteran" && i.GetProperty("members").GetString() == "veterans");
    }

    [Fact]
    public async Task A_profile_update_is_kept_and_a_bad_one_changes_nothing()
    {
        await using var app = new PeerLinkFactory();
        using var client = app.CreateClient();
        await LivePeerLink.SignInAsync(client, "/api/auth/guest", new { pseudonym = "River" });

        var good = await client.PutAsJsonAsync("/api/me/profile", new { identities = new[] { "carer", "veteran" }, languages = new[] { "en" }, timeZone = "Europe/Paris" });
        var bad = await client.PutAsJsonAsync("/api/me/profile", new { identities = new[] { "dragon-tamer" }, languages = new[] { "en" }, timeZone = "Europe/Paris" });
        var me = await client.GetFromJsonAsync<JsonElement>("/api/me");

        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("identity-unknown", (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Equal(["carer", "veteran"], me.GetProperty("identities").EnumerateArray().Select(i => i.GetString()));
        Assert.Equal("Europe/Paris", me.GetProperty("timeZone").GetString());
    }

    [Fact]
    public async Task More_than_ten_sign_in_attempts_a_minute_are_refused_with_429()
    {
        await using var app = new PeerLinkFactory();
        using var client = app.CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 11; i++)
        {
            statuses.Add((await client.PostAsJsonAsync("/api/auth/login", new { username = "nobody", password = "whatever1" })).StatusCode);
        }

        Assert.All(statuses.Take(10), s => Assert.Equal(HttpStatusCode.Unauthorized, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[10]);
    }

    private static async Task<JsonElement> GetMeAsync(HttpClient client, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/me");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
