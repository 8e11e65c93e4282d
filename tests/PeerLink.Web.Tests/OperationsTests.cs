using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using PeerLink.Testing.SignalR;

namespace PeerLink.Web.Tests;

[Collection(MetricsCollection.Name)]
public sealed class OperationsTests
{
    private const string DemoPassword = "demo password";
    private static readonly Dictionary<string, string?> Demo = new() { ["PeerLink:Demo:Seed"] = "true", ["PeerLink:Demo:Password"] = DemoPassword };

    [Fact]
    public async Task Metrics_answer_in_Prometheus_text_with_series_from_every_source_and_PeerLinks_own_follow_a_journey()
    {
        await using var app = new LivePeerLink(Demo);
        await using var moderator = await HubClient.ConnectAsync(app.HubUrl, (await app.LoginAsync("moderator", DemoPassword)).Token);
        await moderator.InvokeAsync("SetOnDuty", true);
        await using var talk = await LiveConversation.StartAsync(app);
        await talk.SeekerHub.InvokeAsync<JsonElement>("SendMessage", talk.ConversationId, "hi");
        await talk.SeekerHub.InvokeAsync<JsonElement>("SendMessage", talk.ConversationId, "I don't want to be alive anymore");
        await moderator.WaitForEventAsync("CrisisAlert");

        var response = await app.Http.GetAsync(new Uri("/metrics", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        var samples = Prometheus.Parse(await response.Content.ReadAsStringAsync());

        string[] sources = ["http_server_request_duration_seconds", "kestrel_", "signalr_server_", "orleans_", "dotnet_gc_", "peerlink_"];
        foreach (var prefix in sources)
        {
            Assert.True(samples.Any(s => s.Name.StartsWith(prefix, StringComparison.Ordinal)), $"no series starting {prefix}");
        }

        Assert.Equal(1, samples.Value("peerlink_matching_request_to_offer_seconds_count", ("language", "en")));
        Assert.Equal(1, samples.Value("peerlink_matching_request_to_match_seconds_count", ("language", "en")));
        Assert.Equal(2, samples.Value("peerlink_messages_total", ("place", "conversation")));
        Assert.Equal(1, samples.Value("peerlink_crisis_alerts_total", ("level", "high")));
        Assert.Equal(1, samples.Value("peerlink_crisis_alert_to_moderator_seconds_count"));
        Assert.Equal(1, samples.Value("peerlink_moderation_open_alerts"));

        // Pool figures are taken once a tick (a second).
        await Eventually.TrueAsync(async () =>
        {
            var now = await Prometheus.ScrapeAsync(app.Http);
            return now.Value("peerlink_conversations_live") == 1 && now.Value("peerlink_matching_peer_free_capacity", ("language", "en")) >= 1;
        }, "the live conversation and the peer's free place are counted");
    }

    [Fact]
    public async Task Waiting_seekers_are_counted_by_language_and_stage_and_leave_the_count_when_they_cancel()
    {
        await using var app = new LivePeerLink();
        var seeker = await app.GuestAsync("River");
        await using var hub = await HubClient.ConnectAsync(app.HubUrl, seeker.Token);

        var created = await hub.InvokeAsync<JsonElement>("RequestConversation", new { identities = new[] { "veteran" }, language = "en" });
        await Eventually.TrueAsync(async () => (await Prometheus.ScrapeAsync(app.Http)).Value("peerlink_matching_waiting", ("language", "en"), ("stage", "shared-identity")) == 1, "one seeker waiting");

        await hub.InvokeAsync("CancelRequest", created.GetProperty("requestId").GetString());
        await Eventually.TrueAsync(async () => (await Prometheus.ScrapeAsync(app.Http)).Value("peerlink_matching_waiting", ("language", "en"), ("stage", "shared-identity")) == 0, "nobody waiting");
    }

    [Fact]
    public async Task Metrics_from_an_address_not_allowed_need_an_admin()
    {
        var settings = new Dictionary<string, string?>(Demo) { ["PeerLink:Operations:MetricsAddresses:0"] = "192.0.2.0/24" };
        await using var app = new LivePeerLink(settings);
        var metrics = new Uri("/metrics", UriKind.Relative);
        using var guest = app.Client((await app.GuestAsync("River")).Token);
        using var admin = app.Client((await app.LoginAsync("admin", DemoPassword)).Token);
        using var anonymous = app.Anonymous();

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(metrics)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await guest.GetAsync(metrics)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(metrics)).StatusCode);
    }

    [Fact]
    public async Task A_metrics_address_that_is_not_one_stops_start_up_naming_the_setting()
    {
        await using var app = new PeerLinkFactory(new Dictionary<string, string?> { ["PeerLink:Operations:MetricsAddresses:0"] = "the office" });

        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains("PeerLink:Operations:MetricsAddresses", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_Orleans_dashboard_is_off_by_default_and_when_on_is_for_admins_only()
    {
        var dashboard = new Uri("/admin/orleans/", UriKind.Relative);
        await using (var off = new LivePeerLink(Demo))
        {
            using var admin = off.Client((await off.LoginAsync("admin", DemoPassword)).Token);
            Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(dashboard)).StatusCode);
        }

        await using var on = new LivePeerLink(new Dictionary<string, string?>(Demo) { ["PeerLink:Operations:DashboardEnabled"] = "true" });
        using var moderator = on.Client((await on.LoginAsync("moderator", DemoPassword)).Token);
        using var signedInAdmin = on.Client((await on.LoginAsync("admin", DemoPassword)).Token);
        using var anonymous = on.Anonymous();

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(dashboard)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await moderator.GetAsync(dashboard)).StatusCode);
        var page = await signedInAdmin.GetAsync(dashboard);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Orleans Dashboard", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Its grain-state viewer stays off even for admins; its pages alone may use inline styles.
        var adminId = (await on.LoginAsync("admin", DemoPassword)).PersonId;
        Assert.Equal(HttpStatusCode.NotFound, (await signedInAdmin.GetAsync(new Uri($"/admin/orleans/GrainState?grainId={adminId}&grainType=PeerLink.Grains.People.PersonGrain", UriKind.Relative))).StatusCode);
        Assert.Contains("style-src 'self' 'unsafe-inline'", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        var home = await signedInAdmin.GetAsync(new Uri("/", UriKind.Relative));
        Assert.Contains("style-src 'self';", home.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Readiness_turns_503_while_Redis_is_stopped_and_200_again_when_it_returns_while_liveness_stays_200()
    {
        await using var redis = await RedisServer.StartNewAsync(appendOnly: true);
        await using var app = new PeerLinkFactory(new Dictionary<string, string?>
        {
            ["PeerLink:Storage:Provider"] = "Redis",
            ["PeerLink:Storage:RedisConnectionString"] = redis.ConnectionString,
        });
        using var client = app.CreateClient();
        var ready = new Uri("/healthz/ready", UriKind.Relative);
        var live = new Uri("/healthz/live", UriKind.Relative);
        await Eventually.TrueAsync(async () => (await client.GetAsync(ready)).StatusCode == HttpStatusCode.OK, "ready once started");

        await redis.StopAsync();
        var down = await client.GetAsync(ready);
        var liveWhileDown = await client.GetAsync(live);
        await redis.StartAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
        Assert.Equal(HttpStatusCode.OK, liveWhileDown.StatusCode);
        await Eventually.TrueAsync(async () => (await client.GetAsync(ready)).StatusCode == HttpStatusCode.OK, "ready again once Redis is back", TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task No_log_line_holds_a_message_text_a_password_or_a_token()
    {
        var logs = new KeptLogs();
        const string Words = "my cousin lives on Juniper Street";
        await using var app = new LivePeerLink(Demo, logs);
        var moderatorToken = (await app.LoginAsync("moderator", DemoPassword)).Token;
        await using var moderator = await HubClient.ConnectAsync(app.HubUrl, moderatorToken);
        await moderator.InvokeAsync("SetOnDuty", true);
        await using var talk = await LiveConversation.StartAsync(app);
        await talk.SeekerHub.InvokeAsync<JsonElement>("SendMessage", talk.ConversationId, Words);
        await talk.SeekerHub.InvokeAsync<JsonElement>("SendMessage", talk.ConversationId, "I want to kill myself tonight");
        await moderator.WaitForEventAsync("CrisisAlert");
        await talk.PeerHub.WaitForEventAsync("MessageReceived");
        using var wrong = await app.Http.PostAsJsonAsync("/api/auth/login", new { username = "admin", password = "not the demo password" });

        Assert.NotEmpty(logs.Lines);
        string[] secrets = [Words, "kill myself", DemoPassword, "not the demo password", "peer password", moderatorToken, talk.Seeker.Token, talk.Peer.Token];
        foreach (var secret in secrets)
        {
            var leaks = logs.Lines.Where(line => line.Contains(secret, StringComparison.Ordinal)).ToList();
            Assert.True(leaks.Count == 0, $"logged: {string.Join(Environment.NewLine, leaks)}");
        }
    }

    [Fact]
    public async Task Outside_Development_logs_are_JSON_with_the_trace_id()
    {
        await using var app = new PeerLinkFactory(new Dictionary<string, string?>(), environment: "Production");
        using var client = app.CreateClient();

        Assert.Equal(ConsoleFormatterNames.Json, app.Services.GetRequiredService<IOptions<ConsoleLoggerOptions>>().Value.FormatterName);
        Assert.True(app.Services.GetRequiredService<IOptions<JsonConsoleFormatterOptions>>().Value.IncludeScopes);
        Assert.True(app.Services.GetRequiredService<IOptions<LoggerFactoryOptions>>().Value.ActivityTrackingOptions.HasFlag(ActivityTrackingOptions.TraceId));
    }
}
