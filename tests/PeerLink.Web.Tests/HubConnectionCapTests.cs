using System.Net.WebSockets;
using PeerLink.Testing.SignalR;

namespace PeerLink.Web.Tests;

/// <summary>Nobody can open hub connections without end, as one person or from one address.</summary>
public sealed class HubConnectionCapTests
{
    [Fact]
    public async Task A_person_past_their_connection_cap_is_refused_with_a_code_and_let_in_again_once_one_closes()
    {
        await using var app = new LivePeerLink(new Dictionary<string, string?> { ["PeerLink:Limits:ConnectionsPerPerson"] = "3" });
        var (_, token) = await app.GuestAsync("River");
        var open = new List<HubClient>();
        try
        {
            // The server counts a connection after the handshake, as the hub takes it; one that answers a call
            // has been taken, so the fourth is the one over the cap.
            for (var i = 0; i < 3; i++)
            {
                open.Add(await HubClient.ConnectAsync(app.HubUrl, token));
                Assert.True(await AnswersAsync(open[^1]));
            }

            await using var fourth = await HubClient.ConnectAsync(app.HubUrl, token);
            var closedWith = await fourth.Closed.WaitAsync(TimeSpan.FromSeconds(30));

            await open[0].DisposeAsync();
            await Eventually.TrueAsync(async () =>
            {
                await using var again = await HubClient.ConnectAsync(app.HubUrl, token);
                return await AnswersAsync(again);
            }, "a connection once one of the three has closed");

            Assert.Contains("connections-too-many", closedWith, StringComparison.Ordinal);
            foreach (var hub in open.Skip(1))
            {
                Assert.True(await AnswersAsync(hub));
            }
        }
        finally
        {
            foreach (var hub in open)
            {
                await hub.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task An_address_past_its_connection_cap_is_refused_whoever_connects()
    {
        await using var app = new LivePeerLink(new Dictionary<string, string?> { ["PeerLink:Limits:ConnectionsPerAddress"] = "2" });
        var people = new List<string>();
        foreach (var name in new[] { "Ash", "Bea", "Cal" })
        {
            people.Add((await app.GuestAsync(name)).Token);
        }

        await using var first = await HubClient.ConnectAsync(app.HubUrl, people[0]);
        Assert.True(await AnswersAsync(first));
        await using var second = await HubClient.ConnectAsync(app.HubUrl, people[1]);
        Assert.True(await AnswersAsync(second));
        await using var third = await HubClient.ConnectAsync(app.HubUrl, people[2]);

        Assert.Contains("connections-too-many", await third.Closed.WaitAsync(TimeSpan.FromSeconds(30)), StringComparison.Ordinal);
        Assert.True(await AnswersAsync(first) && await AnswersAsync(second));
    }

    /// <summary>
    /// Whether the hub answers a call on this connection. A refused connection is closed straight after the
    /// handshake, before any call is read, so its call fails with the close instead of an answer.
    /// </summary>
    private static async Task<bool> AnswersAsync(HubClient hub)
    {
        try
        {
            await hub.InvokeAsync("CancelRequest", "no-such-request");
            return true;
        }
        catch (HubInvocationException)
        {
            return true; // refused as unknown: an answer all the same
        }
        catch (WebSocketException)
        {
            return false;
        }
    }
}
