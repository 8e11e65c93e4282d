using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace PeerLink.Web.Tests;

public sealed class PersonalDataApiTests
{
    [Fact]
    public async Task An_export_over_HTTP_holds_my_profile_and_my_words_but_not_my_partners()
    {
        await using var app = new LivePeerLink();
        await using var talk = await LiveConversation.StartAsync(app);
        await talk.SeekerHub.InvokeAsync<JsonElement>("SendMessage", talk.ConversationId, "my own words");
        await talk.PeerHub.InvokeAsync<JsonElement>("SendMessage", talk.ConversationId, "the peer's reply");

        using var seekerHttp = app.Client(talk.Seeker.Token);
        var response = await seekerHttp.GetAsync("/api/me/export");
        var body = await response.Content.ReadAsStringAsync();
        var export = JsonDocument.Parse(body).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("River", export.GetProperty("profile").GetProperty("pseudonym").GetString());
        var conversation = Assert.Single(export.GetProperty("conversations").EnumerateArray());
        Assert.Equal(talk.ConversationId, conversation.GetProperty("conversationId").GetString());
        Assert.Equal(["my own words"], conversation.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("text").GetString()));
        Assert.DoesNotContain("the peer's reply", body, StringComparison.Ordinal);
        Assert.DoesNotContain("passwordHash", body, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Deleting_my_account_over_HTTP_shows_my_partner_message_removed_frees_my_username_and_ends_my_token()
    {
        await using var app = new LivePeerLink();
        await using var talk = await LiveConversation.StartAsync(app);
        await talk.PeerHub.InvokeAsync<JsonElement>("SendMessage", talk.ConversationId, "peer's words");
        await talk.SeekerHub.InvokeAsync<JsonElement>("SendMessage", talk.ConversationId, "seeker's words");
        using var peerHttp = app.Client(talk.Peer.Token);

        var deleted = await DeleteMeAsync(peerHttp, "delete my account");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Contains(deleted.Headers.GetValues("Set-Cookie"), c => c.StartsWith("peerlink=;", StringComparison.Ordinal));
        var removed = (await talk.SeekerHub.WaitForEventAsync("MessagesRemoved")).Arguments[0];
        Assert.Equal((talk.ConversationId, 1L, "account-deleted"), (removed.GetProperty("conversationId").GetString(), removed.GetProperty("seqs")[0].GetInt64(), removed.GetProperty("reason").GetString()));
        await talk.SeekerHub.WaitForEventAsync("ConversationEnded");
        using var seekerHttp = app.Client(talk.Seeker.Token);
        var page = await seekerHttp.GetFromJsonAsync<JsonElement>($"/api/conversations/{talk.ConversationId}/messages");
        Assert.Equal(
            [("message removed", "account-deleted"), ("seeker's words", null)],
            page.GetProperty("messages").EnumerateArray().Select(m => (m.GetProperty("text").GetString(), m.GetProperty("removed").GetString())));
        Assert.Equal(HttpStatusCode.Unauthorized, (await peerHttp.GetAsync("/api/me")).StatusCode);
        var login = await app.Http.PostAsJsonAsync("/api/auth/login", new { username = "peer-vet", password = "peer password" });
        Assert.Equal(HttpStatusCode.Unauthorized, login.StatusCode);
    }

    [Fact]
    public async Task Deleting_an_account_needs_the_confirmation_and_without_it_nothing_changes()
    {
        await using var app = new LivePeerLink();
        var guest = await app.GuestAsync("River");
        using var http = app.Client(guest.Token);

        var bare = await http.DeleteAsync("/api/me");
        var wrong = await DeleteMeAsync(http, "yes");

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (bare.StatusCode, wrong.StatusCode));
        Assert.Equal("confirmation-required", (await bare.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task Export_and_delete_answer_401_without_a_token()
    {
        await using var app = new LivePeerLink();

        var export = await app.Http.GetAsync("/api/me/export");
        var delete = await DeleteMeAsync(app.Http, "delete my account");

        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized), (export.StatusCode, delete.StatusCode));
    }

    private static Task<HttpResponseMessage> DeleteMeAsync(HttpClient http, string confirm) =>
        http.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "/api/me") { Content = JsonContent.Create(new { confirm }) });
}
