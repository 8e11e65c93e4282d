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

    private sealed record EchoAck(long Seq, DateTimeOffset SentAt);
}
