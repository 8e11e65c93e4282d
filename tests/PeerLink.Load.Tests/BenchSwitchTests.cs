using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using PeerLink.Load.Hosting;
using PeerLink.Testing.SignalR;

namespace PeerLink.Load.Tests;

public sealed class BenchSwitchTests
{
    [Fact]
    public async Task The_echo_hub_is_not_mapped_unless_bench_settings_turn_it_on()
    {
        await using var plain = new InProcessPeerLink(new Dictionary<string, string?>());
        await using var bench = new InProcessPeerLink(new Dictionary<string, string?> { ["PeerLink:Bench:EchoHub"] = "true" });

        await Assert.ThrowsAnyAsync<WebSocketException>(() => HubClient.ConnectAsync(plain.EchoUrl));
        await using var echo = await HubClient.ConnectAsync(bench.EchoUrl);
        await echo.InvokeAsync("Join", "room");
        await echo.InvokeAsync<EchoAck>("SendMessage", "room", "hello");
        Assert.Equal("hello", (await echo.WaitForEventAsync("MessageReceived")).Arguments[0].GetProperty("text").GetString());
    }

    [Fact]
    public async Task Heap_settling_is_mapped_only_when_bench_settings_turn_it_on_and_only_for_admins()
    {
        var admin = new Dictionary<string, string?> { ["PeerLink:Admin:Username"] = "benchadmin", ["PeerLink:Admin:Password"] = "bench admin password" };
        await using var plain = new InProcessPeerLink(admin);
        await using var bench = new InProcessPeerLink(new Dictionary<string, string?>(admin) { ["PeerLink:Bench:SettleHeap"] = "true" });

        Assert.Equal(HttpStatusCode.NotFound, await SettleAsync(plain, await SignInAsync(plain, admin: true)));
        Assert.Equal(HttpStatusCode.Unauthorized, await SettleAsync(bench, token: null));
        Assert.Equal(HttpStatusCode.Forbidden, await SettleAsync(bench, await SignInAsync(bench, admin: false)));
        Assert.Equal(HttpStatusCode.OK, await SettleAsync(bench, await SignInAsync(bench, admin: true)));
    }

    [Theory]
    [InlineData(null, 10)]
    [InlineData("3", 3)]
    public async Task Sign_ins_a_minute_from_one_address_follow_the_setting_and_default_to_ten(string? setting, int allowed)
    {
        var settings = setting is null ? new Dictionary<string, string?>() : new() { ["PeerLink:Limits:SignInsPerMinute"] = setting };
        await using var server = new InProcessPeerLink(settings);
        using var http = new HttpClient { BaseAddress = server.BaseUrl };

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i <= allowed; i++)
        {
            statuses.Add((await http.PostAsJsonAsync("/api/auth/guest", new { pseudonym = $"Guest {i}" })).StatusCode);
        }

        Assert.All(statuses.Take(allowed), s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[allowed]);
    }

    private static async Task<HttpStatusCode> SettleAsync(InProcessPeerLink server, string? token)
    {
        using var http = new HttpClient { BaseAddress = server.BaseUrl };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/bench/settle-heap");
        if (token is not null)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }

    private static async Task<string> SignInAsync(InProcessPeerLink server, bool admin)
    {
        using var http = new HttpClient { BaseAddress = server.BaseUrl };
        using var response = admin
            ? await http.PostAsJsonAsync("/api/auth/login", new { username = "benchadmin", password = "bench admin password" })
            : await http.PostAsJsonAsync("/api/auth/guest", new { pseudonym = "Guest" });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<SignedIn>())!.Token;
    }

    private sealed record SignedIn(string Token);

    private sealed record EchoAck(long Seq, DateTimeOffset SentAt);
}
