using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PeerLink.Testing;
using PeerLink.Testing.SignalR;
using PeerLink.Web.Realtime;

namespace PeerLink.Web.Tests.Realtime;

public sealed class KeepAliveTests
{
    private static KeepAlive NewKeepAlive() =>
        new(Options.Create(new KeepAliveOptions()), TimeProvider.System, NullLogger<KeepAlive>.Instance);

    private static HubConnectionContext Connection(string id) =>
        new(new DefaultConnectionContext(id), new HubConnectionContextOptions { KeepAliveInterval = TimeSpan.FromSeconds(15), ClientTimeoutInterval = TimeSpan.FromSeconds(30) }, NullLoggerFactory.Instance);

    [Fact]
    public void Each_connection_is_due_exactly_once_in_every_interval()
    {
        var keepAlive = NewKeepAlive();
        var ids = Enumerable.Range(0, 300).Select(i => $"connection-{i}").ToList();
        ids.ForEach(id => keepAlive.Connected(Connection(id)));

        foreach (var firstTick in new long[] { 0, KeepAlive.Slots, 11 })
        {
            var due = Enumerable.Range(0, KeepAlive.Slots).SelectMany(i => keepAlive.DueOn(firstTick + i)).ToList();
            Assert.Equal(ids.Order(), due.Order());
        }
    }

    [Fact]
    public void Connections_opened_together_are_pinged_spread_over_the_interval_not_at_once()
    {
        var keepAlive = NewKeepAlive();
        for (var i = 0; i < 1_500; i++)
        {
            keepAlive.Connected(Connection($"connection-{i}"));
        }

        // 100 a tick on average; no tick carries more than twice that.
        var perTick = Enumerable.Range(0, KeepAlive.Slots).Select(t => keepAlive.DueOn(t).Count()).ToList();
        Assert.All(perTick, n => Assert.InRange(n, 1, 200));
    }

    [Fact]
    public void A_closed_connection_is_no_longer_pinged()
    {
        var keepAlive = NewKeepAlive();
        var gone = Connection("gone");
        keepAlive.Connected(gone);
        keepAlive.Connected(Connection("stays"));
        keepAlive.Disconnected(gone);

        Assert.Equal(["stays"], Enumerable.Range(0, KeepAlive.Slots).SelectMany(t => keepAlive.DueOn(t)));
    }

    [Fact]
    public async Task A_connected_person_who_hears_nothing_else_is_pinged_every_interval()
    {
        // SignalR's own keep-alive would first ping after 15 s; these pings can only be PeerLink's.
        await using var app = new LivePeerLink(new Dictionary<string, string?> { ["PeerLink:Realtime:KeepAliveSeconds"] = "0.3" });
        var seeker = await app.GuestAsync("River");
        await using var hub = await HubClient.ConnectAsync(app.HubUrl, seeker.Token);

        await Eventually.TrueAsync(() => hub.PingsReceived >= 3, "three pings");

        Assert.True(hub.PingsReceived >= 3, $"{hub.PingsReceived} pings");
    }

    [Theory]
    [InlineData("20")]
    [InlineData("0")]
    public void An_interval_outside_what_the_browser_allows_stops_the_server_at_start(string seconds)
    {
        var error = Assert.ThrowsAny<Exception>(() => new LivePeerLink(new Dictionary<string, string?> { ["PeerLink:Realtime:KeepAliveSeconds"] = seconds }));

        Assert.Contains("PeerLink:Realtime:KeepAliveSeconds", error.ToString());
    }
}
