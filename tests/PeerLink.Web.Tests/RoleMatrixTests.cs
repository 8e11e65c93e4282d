using System.Net;
using System.Net.Http.Json;
using PeerLink.Testing.SignalR;

namespace PeerLink.Web.Tests;

/// <summary>
/// Every role against every operation. Allowed calls use ids that do not exist, so they fail on a rule
/// (400 or 404, or a rule code over the hub) instead of changing anything; refused calls must fail on authorization.
/// </summary>
public sealed class RoleMatrixTests(RoleMatrixTests.SignedInRoles roles) : IClassFixture<RoleMatrixTests.SignedInRoles>
{
    public enum Who
    {
        Anonymous,
        Seeker,
        Peer,
        Moderator,
        Admin,
    }

    private static readonly Who[] SignedIn = [Who.Seeker, Who.Peer, Who.Moderator, Who.Admin];

    public static TheoryData<string, string, string, Who[]> HttpOperations => new()
    {
        { "GET", "/api/me", "", SignedIn },
        { "GET", "/api/identities", "", SignedIn },
        { "GET", "/api/conversations", "", SignedIn },
        { "GET", "/api/conversations/no-such/messages", "", SignedIn },
        { "GET", "/api/groups", "", SignedIn },
        { "GET", "/api/groups/no-such/messages", "", SignedIn },
        { "PUT", "/api/me/profile", """{"identities":["martian"],"languages":["en"],"timeZone":"UTC"}""", SignedIn },
        { "GET", "/api/moderation/dashboard", "", [Who.Moderator] },
        { "POST", "/api/groups", """{"title":"","capacity":0}""", [Who.Admin] },
        { "POST", "/api/admin/invites", """{"role":"admin"}""", [Who.Admin] },
        { "GET", "/api/admin/audit?limit=0", "", [Who.Admin] },
        { "PUT", "/api/admin/identities/zz", """{"name":""}""", [Who.Admin] },
        { "DELETE", "/api/admin/identities/no-such", "", [Who.Admin] },
        { "PUT", "/api/admin/people/no-such/roles", """{"roles":[]}""", [Who.Admin] },
        { "POST", "/api/admin/people/no-such/training", "", [Who.Admin] },
    };

    public static TheoryData<string, object?[], Who[]> HubOperations => new()
    {
        { "RequestConversation", [new { identities = new[] { "martian" }, language = "en" }], SignedIn },
        { "CancelRequest", ["en.no-such"], SignedIn },
        { "SendMessage", ["no-such", "hello"], SignedIn },
        { "EndConversation", ["no-such"], SignedIn },
        { "JoinGroup", ["no-such"], SignedIn },
        { "SendGroupMessage", ["no-such", "hello"], SignedIn },
        { "ReportPerson", [new { personId = "no-such", category = "spam" }], SignedIn },
        { "CallModerator", ["no-such", null], SignedIn },
        { "SetAvailability", [new { available = true, capacity = 0 }], [Who.Peer] },
        { "StartCoolDown", [-1], [Who.Peer] },
        { "AcceptOffer", ["en.no-such"], [Who.Peer] },
        { "DeclineOffer", ["en.no-such"], [Who.Peer] },
        { "WatchGroup", ["no-such", true], [Who.Moderator] },
        { "WarnMember", ["no-such", "no-one", "why"], [Who.Moderator] },
        { "MuteMember", ["no-such", "no-one", 5, "why"], [Who.Moderator] },
        { "RemoveMember", ["no-such", "no-one", "why"], [Who.Moderator] },
        { "DeleteGroupMessage", ["no-such", 1, "why"], [Who.Moderator] },
        { "LockGroup", ["no-such", true, "why"], [Who.Moderator] },
        { "PinGroupMessage", ["no-such", 1], [Who.Moderator] },
        { "JoinConversation", ["no-such"], [Who.Moderator] },
        { "ResolveAlert", ["no-such", null], [Who.Moderator] },
        { "CloseReport", ["no-such", "done"], [Who.Moderator] },
    };

    [Theory]
    [MemberData(nameof(HttpOperations))]
    public async Task Each_endpoint_answers_only_its_roles(string method, string path, string body, Who[] allowed)
    {
        foreach (var who in Enum.GetValues<Who>())
        {
            using var http = roles.Http(who);
            using var request = new HttpRequestMessage(new HttpMethod(method), path);
            if (body.Length > 0)
            {
                request.Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
            }

            var status = (await http.SendAsync(request)).StatusCode;

            var expected = who == Who.Anonymous ? "401" : allowed.Contains(who) ? "allowed" : "403";
            var actual = status switch
            {
                HttpStatusCode.Unauthorized => "401",
                HttpStatusCode.Forbidden => "403",
                _ => "allowed",
            };
            Assert.True(expected == actual, $"{method} {path} as {who}: expected {expected}, got {(int)status}");
        }
    }

    [Theory]
    [MemberData(nameof(HubOperations))]
    public async Task Each_hub_method_runs_only_for_its_roles(string method, object?[] arguments, Who[] allowed)
    {
        foreach (var who in SignedIn)
        {
            var hub = roles.Hub(who);
            string outcome;
            try
            {
                await hub.InvokeAsync(method, arguments);
                outcome = "allowed";
            }
            catch (HubInvocationException e)
            {
                outcome = e.ServerMessage.Contains("unauthorized", StringComparison.OrdinalIgnoreCase) ? "refused" : "allowed";
            }

            Assert.True(
                (allowed.Contains(who) ? "allowed" : "refused") == outcome,
                $"{method} as {who}: {outcome}");
            Assert.False(hub.Closed.IsCompleted, $"{method} as {who} closed the connection");
        }
    }

    [Fact]
    public async Task A_peer_never_reads_a_conversation_they_are_not_in()
    {
        await using var talk = await LiveConversation.StartAsync(roles.App, "peer-other");
        await talk.SeekerHub.InvokeAsync<System.Text.Json.JsonElement>("SendMessage", talk.ConversationId, "between us");

        using var peer = roles.Http(Who.Peer);
        var response = await peer.GetAsync($"/api/conversations/{talk.ConversationId}/messages");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain("between us", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>One app in demo mode, with a signed-in person and a live hub connection for each role.</summary>
    public sealed class SignedInRoles : IAsyncLifetime
    {
        private readonly Dictionary<Who, string> tokens = [];
        private readonly Dictionary<Who, HubClient> hubs = [];

        public LivePeerLink App { get; } = new(new Dictionary<string, string?> { ["PeerLink:Demo:Seed"] = "true", ["PeerLink:Demo:Password"] = "demo password" });

        public HttpClient Http(Who who) => who == Who.Anonymous ? new HttpClient { BaseAddress = App.BaseUrl } : App.Client(tokens[who]);

        public HubClient Hub(Who who) => hubs[who];

        public async Task InitializeAsync()
        {
            tokens[Who.Seeker] = (await App.GuestAsync("River")).Token;
            tokens[Who.Peer] = (await App.LoginAsync("peer2", "demo password")).Token;
            tokens[Who.Moderator] = (await App.LoginAsync("moderator", "demo password")).Token;
            tokens[Who.Admin] = (await App.LoginAsync("admin", "demo password")).Token;
            foreach (var (who, token) in tokens)
            {
                hubs[who] = await HubClient.ConnectAsync(App.HubUrl, token);
            }
        }

        public async Task DisposeAsync()
        {
            foreach (var hub in hubs.Values)
            {
                await hub.DisposeAsync();
            }

            await App.DisposeAsync();
        }
    }
}
