using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PeerLink.Testing.SignalR;

namespace PeerLink.Web.Tests;

/// <summary>Redis mode with redis-server gone for a while: clear, coded refusals, and recovery with no restart.</summary>
public sealed class OutageTests
{
    private static readonly TimeSpan Recovery = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task While_Redis_is_down_HTTP_answers_503_with_a_code_and_works_again_by_itself_once_Redis_is_back()
    {
        await using var redis = await RedisServer.StartNewAsync(appendOnly: true);
        await using var app = new LivePeerLink(RedisSettings(redis));
        var (_, token) = await app.GuestAsync("River");
        using var seeker = app.Client(token);

        await redis.StopAsync();
        var guest = await app.Http.PostAsJsonAsync("/api/auth/guest", new { pseudonym = "Lake" });
        var profile = await seeker.PutAsJsonAsync("/api/me/profile", new { identities = new[] { "veteran" }, languages = new[] { "en" }, timeZone = "UTC" });
        await redis.StartAsync();

        foreach (var refused in new[] { guest, profile })
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("storage-unavailable", problem.GetProperty("code").GetString());
            Assert.True(refused.Headers.RetryAfter is not null);
        }

        await Eventually.TrueAsync(async () => (await app.Http.PostAsJsonAsync("/api/auth/guest", new { pseudonym = "Lake" })).IsSuccessStatusCode, "guest sign-in works again", Recovery);
        Assert.True((await seeker.PutAsJsonAsync("/api/me/profile", new { identities = new[] { "veteran" }, languages = new[] { "en" }, timeZone = "UTC" })).IsSuccessStatusCode);
    }

    [Fact]
    public async Task While_Redis_is_down_a_hub_call_fails_with_a_coded_message_the_connection_stays_and_sending_works_again_once_Redis_is_back()
    {
        await using var redis = await RedisServer.StartNewAsync(appendOnly: true);
        await using var app = new LivePeerLink(RedisSettings(redis));
        await using var talk = await LiveConversation.StartAsync(app);
        await talk.SeekerHub.InvokeAsync<JsonElement>("SendMessage", talk.ConversationId, "before");

        await redis.StopAsync();
        var refused = await Assert.ThrowsAsync<HubInvocationException>(() => talk.SeekerHub.InvokeAsync<JsonElement>("SendMessage", talk.ConversationId, "lost?"));
        await redis.StartAsync();

        Assert.Contains("storage-unavailable:", refused.ServerMessage, StringComparison.Ordinal);
        await Eventually.SucceedsAsync<HubInvocationException>(
            () => talk.SeekerHub.InvokeAsync<JsonElement>("SendMessage", talk.ConversationId, "after"), Recovery);
        var page = await app.Client(talk.Peer.Token).GetFromJsonAsync<JsonElement>($"/api/conversations/{talk.ConversationId}/messages");
        var texts = page.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("text").GetString()).ToList();
        Assert.Equal("before", texts[0]);
        Assert.Equal("after", texts[^1]);
        Assert.DoesNotContain("lost?", texts);
    }

    private static Dictionary<string, string?> RedisSettings(RedisServer redis) => new()
    {
        ["PeerLink:Storage:Provider"] = "Redis",
        ["PeerLink:Storage:RedisConnectionString"] = redis.ConnectionString,
    };
}
