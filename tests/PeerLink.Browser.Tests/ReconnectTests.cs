namespace PeerLink.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class ReconnectTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_page_that_lost_its_connection_across_a_server_restart_shows_every_message()
    {
        await using var redis = await RedisServer.StartNewAsync();
        await Journey.RunAsync(browser, async journey =>
        {
            var (seeker, peer) = await Matches.VeteranWithAlexAsync(journey, "River");
            var peerChat = peer.ChatWith("River");
            await seeker.Chat.SendAsync("one");
            await peerChat.SendAsync("two");
            await seeker.Chat.ExpectReceivedAsync("two");

            await seeker.Page.Context.SetOfflineAsync(true);
            journey.App = await journey.App.RestartAsync();
            await Expect(seeker.Page.Locator("#connection")).ToHaveAttributeAsync("data-state", new System.Text.RegularExpressions.Regex("reconnecting|offline"));
            await journey.CheckAsync(seeker.Page, "seeker-reconnecting");
            await Expect(peer.Page.Locator("#connection")).ToHaveAttributeAsync("data-state", "connected");
            await peerChat.SendAsync("three, while you were away");
            await peerChat.ExpectConfirmedAsync("three, while you were away");
            await seeker.Page.Context.SetOfflineAsync(false);

            await Expect(seeker.Page.Locator("#connection")).ToHaveAttributeAsync("data-state", "connected");
            await seeker.Chat.ExpectReceivedAsync("three, while you were away");
            await seeker.Chat.SendAsync("four");
            await peerChat.ExpectReceivedAsync("four");
            Assert.Equal(["one", "two", "three, while you were away", "four"], await seeker.Chat.TextsAsync());
            Assert.Equal(["one", "two", "three, while you were away", "four"], await peerChat.TextsAsync());
            await journey.CheckAsync(seeker.Page, "seeker-after-reconnect");
        }, redis);
    }
}
