using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using PeerLink.Grains.People;
using PeerLink.Testing.SignalR;
using PeerLink.Web.Auth;

namespace PeerLink.Web.Tests;

/// <summary>
/// Every role against every operation. Allowed calls use ids that do not exist, so they fail on a rule
/// (400 or 404, or a rule code over the hub) instead of changing anything; refused calls must fail on authorization.
/// Besides the four roles: tokens and connections from before a change, which must act on the roles as they are now
/// (an admin demoted to seeker, a seeker made a moderator), and tokens whose session ended (signed out, deleted).
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

        /// <summary>Signed in as an admin, then made a seeker.</summary>
        DemotedAdmin,

        /// <summary>Signed in as a seeker, then made a moderator too.</summary>
        PromotedSeeker,

        /// <summary>Signed in as a peer, then signed out.</summary>
        SignedOut,

        /// <summary>Signed in as a seeker, then deleted their account.</summary>
        Deleted,
    }

    private static readonly Who[] SignedIn = [Who.Seeker, Who.Peer, Who.Moderator, Who.Admin];

    /// <summary>Those with a live connection: the four roles and the two changed after they connected.</summary>
    private static readonly Who[] Connected = [.. SignedIn, Who.DemotedAdmin, Who.PromotedSeeker];

    /// <summary>Whom a token or connection must be treated as now.</summary>
    private static Who Now(Who who) => who switch
    {
        Who.DemotedAdmin => Who.Seeker,
        Who.PromotedSeeker => Who.Moderator,
        Who.SignedOut or Who.Deleted => Who.Anonymous,
        _ => who,
    };

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
        { "GET", "/metrics", "", [Who.Admin] },
        { "GET", "/admin/orleans/", "", [Who.Admin] },
        { "GET", "/admin/orleans/DashboardCounters", "", [Who.Admin] },
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

            var expected = Now(who) == Who.Anonymous ? "401" : allowed.Contains(Now(who)) ? "allowed" : "403";
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
        foreach (var who in Connected)
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
                outcome = e.ServerMessage.Contains("forbidden:", StringComparison.Ordinal) || e.ServerMessage.Contains("unauthorized", StringComparison.OrdinalIgnoreCase) ? "refused" : "allowed";
            }

            Assert.True(
                (allowed.Contains(Now(who)) ? "allowed" : "refused") == outcome,
                $"{method} as {who}: {outcome}");
            Assert.False(hub.Closed.IsCompleted, $"{method} as {who} closed the connection");
        }
    }

    [Fact]
    public async Task A_signed_out_or_deleted_token_opens_no_hub_connection_and_the_one_it_had_was_closed()
    {
        foreach (var who in new[] { Who.SignedOut, Who.Deleted })
        {
            await roles.Hub(who).Closed.WaitAsync(TimeSpan.FromSeconds(10));
            await Assert.ThrowsAnyAsync<Exception>(() => HubClient.ConnectAsync(roles.App.HubUrl, roles.Token(who)));
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

        // Metrics open only to an address these tests never come from, and the dashboard on, so both are for admins here.
        public LivePeerLink App { get; } = new(new Dictionary<string, string?>
        {
            ["PeerLink:Demo:Seed"] = "true",
            ["PeerLink:Demo:Password"] = "demo password",
            ["PeerLink:Operations:MetricsAddresses:0"] = "192.0.2.0/24",
            ["PeerLink:Operations:DashboardEnabled"] = "true",
        });

        public HttpClient Http(Who who) => who == Who.Anonymous ? new HttpClient { BaseAddress = App.BaseUrl } : App.Client(tokens[who]);

        public HubClient Hub(Who who) => hubs[who];

        public string Token(Who who) => tokens[who];

        public async Task InitializeAsync()
        {
            tokens[Who.Seeker] = (await App.GuestAsync("River")).Token;
            tokens[Who.Peer] = (await App.LoginAsync("peer2", "demo password")).Token;
            tokens[Who.Moderator] = (await App.LoginAsync("moderator", "demo password")).Token;
            var admin = await App.LoginAsync("admin", "demo password");
            tokens[Who.Admin] = admin.Token;
            var demoted = await App.Services.GetRequiredService<AccountProvisioner>().CreateAsync("demoted-admin", "admin password", "Demoted", Role.Admin);
            tokens[Who.DemotedAdmin] = (await App.LoginAsync("demoted-admin", "admin password")).Token;
            var promoted = await App.GuestAsync("Promoted");
            tokens[Who.PromotedSeeker] = promoted.Token;
            tokens[Who.SignedOut] = (await App.LoginAsync("peer4", "demo password")).Token;
            tokens[Who.Deleted] = (await App.GuestAsync("Leaving")).Token;
            foreach (var (who, token) in tokens)
            {
                hubs[who] = await HubClient.ConnectAsync(App.HubUrl, token);
            }

            // After they connected: their tokens and connections must follow.
            using var adminHttp = App.Client(admin.Token);
            (await adminHttp.PutAsJsonAsync($"/api/admin/people/{demoted}/roles", new { roles = new[] { "seeker" } })).EnsureSuccessStatusCode();
            (await adminHttp.PutAsJsonAsync($"/api/admin/people/{promoted.PersonId}/roles", new { roles = new[] { "seeker", "moderator" } })).EnsureSuccessStatusCode();
            (await App.Client(tokens[Who.SignedOut]).PostAsync("/api/auth/sign-out", null)).EnsureSuccessStatusCode();
            using var delete = new HttpRequestMessage(HttpMethod.Delete, "/api/me") { Content = JsonContent.Create(new { confirm = "delete my account" }) };
            (await App.Client(tokens[Who.Deleted]).SendAsync(delete)).EnsureSuccessStatusCode();
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
