using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace PeerLink.Web.Tests;

/// <summary>Guessing at one account locks it for a while, however many addresses the guesses come from.</summary>
public sealed class SignInLockTests
{
    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_and_then_the_right_one_gets_the_same_answer_as_a_wrong_one()
    {
        // Far above the per-address limit: this is about the lock on one account.
        await using var app = new LivePeerLink(new Dictionary<string, string?> { ["PeerLink:Limits:SignInsPerMinute"] = "100" });
        await app.PeerAsync("guessed", ["veteran"]);
        await app.PeerAsync("bystander", ["veteran"]);
        var wrong = await LoginAsync(app, "guessed", "wrong guess 1");
        for (var i = 2; i <= 5; i++)
        {
            await LoginAsync(app, "guessed", $"wrong guess {i}");
        }

        var right = await LoginAsync(app, "guessed", "peer password");
        var unknown = await LoginAsync(app, "nobody-here", "peer password");

        Assert.Equal(HttpStatusCode.Unauthorized, right.Status);
        Assert.Equal((wrong.Status, wrong.Detail), (right.Status, right.Detail));
        Assert.Equal((wrong.Status, wrong.Detail), (unknown.Status, unknown.Detail));
        Assert.Equal(HttpStatusCode.OK, (await LoginAsync(app, "bystander", "peer password")).Status);
    }

    private static async Task<(HttpStatusCode Status, string? Detail)> LoginAsync(LivePeerLink app, string username, string password)
    {
        var response = await app.Http.PostAsJsonAsync("/api/auth/login", new { username, password });
        var body = response.IsSuccessStatusCode ? null : (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString();
        return (response.StatusCode, body);
    }
}
