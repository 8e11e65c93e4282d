using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PeerLink.Testing.SignalR;

namespace PeerLink.Web.Tests;

/// <summary>Nothing that writes can be repeated without end: a ceiling on API writes and on hub calls, per person.</summary>
public sealed class RequestLimitTests
{
    [Fact]
    public async Task Past_the_ceiling_on_writes_a_request_answers_429_with_a_code_and_changes_nothing_while_reads_still_answer()
    {
        await using var app = new LivePeerLink(new Dictionary<string, string?> { ["PeerLink:Limits:WritesPerMinute"] = "3" });
        var (_, token) = await app.GuestAsync("River");
        using var seeker = app.Client(token);
        object Profile(string zone) => new { identities = new[] { "veteran" }, languages = new[] { "en" }, timeZone = zone };
        for (var i = 0; i < 3; i++)
        {
            (await seeker.PutAsJsonAsync("/api/me/profile", Profile("UTC"))).EnsureSuccessStatusCode();
        }

        using var refused = await seeker.PutAsJsonAsync("/api/me/profile", Profile("Europe/Paris"));
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        var profile = await seeker.GetFromJsonAsync<JsonElement>("/api/me");
        var (_, other) = await app.GuestAsync("Lake");
        using var someoneElse = await app.Client(other).PutAsJsonAsync("/api/me/profile", Profile("Europe/Paris"));

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("rate-limited", problem.GetProperty("code").GetString());
        Assert.Equal("UTC", profile.GetProperty("timeZone").GetString());
        Assert.True(someoneElse.IsSuccessStatusCode, "the ceiling is per person");
    }

    [Fact]
    public async Task Past_the_ceiling_on_hub_calls_a_call_is_refused_with_a_code_but_messages_keep_their_own_limit()
    {
        await using var app = new LivePeerLink(new Dictionary<string, string?> { ["PeerLink:Limits:HubCallsPerTenSeconds"] = "3" });
        var (_, token) = await app.GuestAsync("River");
        await using var hub = await HubClient.ConnectAsync(app.HubUrl, token);
        var codes = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            var refused = await Assert.ThrowsAsync<HubInvocationException>(() => hub.InvokeAsync("CancelRequest", "en.no-such"));
            codes.Add(new[] { "request-unknown", "rate-limited" }.Single(code => refused.ServerMessage.Contains($"{code}:", StringComparison.Ordinal)));
        }

        var message = await Assert.ThrowsAsync<HubInvocationException>(() => hub.InvokeAsync("SendMessage", "no-such", "hello"));

        Assert.Equal(["request-unknown", "request-unknown", "request-unknown", "rate-limited"], codes);
        Assert.Contains("conversation-unknown", message.Message, StringComparison.Ordinal);
    }
}
