namespace PeerLink.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class SeekerAndPeerTests(BrowserFixture browser)
{
    [Fact]
    public Task A_seeker_and_a_peer_are_matched_talk_both_ways_and_the_seeker_ends_and_leaves_feedback() => Journey.RunAsync(browser, async journey =>
    {
        var peer = new PeerPage(await journey.OpenAsync("peer", "/peer.html"));
        await journey.CheckAsync(peer.Page, "peer-sign-in");
        await peer.SignInAndSetAvailableAsync("peer1");
        var seeker = new SeekerPage(await journey.OpenAsync("seeker"));
        await journey.CheckAsync(seeker.Page, "seeker-pseudonym");

        await seeker.SignUpAsync("River");
        await journey.CheckAsync(seeker.Page, "seeker-request");
        await seeker.RequestAsync("A hard week at home", "veteran");
        await journey.CheckAsync(seeker.Page, "seeker-waiting");
        await Expect(peer.Offers).ToHaveCountAsync(1);
        await Expect(peer.Offers.First).ToContainTextAsync("Someone who shares: Veteran");
        await Expect(peer.Offers.First.Locator(".topic")).ToHaveTextAsync("A hard week at home");
        await Expect(peer.Offers.First.Locator(".countdown")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d+ s$"));
        await journey.CheckAsync(peer.Page, "peer-offer");
        await peer.AnswerOfferAsync("Accept");

        await seeker.ExpectMatchedWithAsync("Alex");
        await Expect(seeker.Chat.Pane.Locator(".reason")).ToHaveTextAsync("You are both veterans.");
        var peerChat = peer.ChatWith("River");
        await seeker.Chat.SendAsync("Hello, thank you for taking this.");
        await seeker.Chat.ExpectConfirmedAsync("Hello, thank you for taking this.");
        await peerChat.ExpectReceivedAsync("Hello, thank you for taking this.");
        await peerChat.SendAsync("Hi River, I'm glad you came.\nWhat's been happening?");
        await seeker.Chat.ExpectReceivedAsync("Hi River, I'm glad you came.\nWhat's been happening?");
        await journey.CheckAsync(seeker.Page, "seeker-chat");
        await journey.CheckAsync(peer.Page, "peer-chat");
        await seeker.EndAndGiveFeedbackAsync(5);
        await seeker.Page.GetByRole(AriaRole.Button, new() { Name = "Schedule a check-in" }).ClickAsync();
        await Expect(seeker.Page.Locator("#check-in-status")).ToContainTextAsync("Check-in scheduled for");

        await Expect(peerChat.Pane).ToContainTextAsync("River ended the conversation.");
        Assert.Equal(["Hello, thank you for taking this.", "Hi River, I'm glad you came.\nWhat's been happening?"], await peerChat.TextsAsync());
        await journey.CheckAsync(seeker.Page, "seeker-ended");
        await journey.CheckAsync(peer.Page, "peer-ended");
    });

    [Fact]
    public Task A_declined_offer_moves_to_a_second_peer_who_accepts() => Journey.RunAsync(browser, async journey =>
    {
        PeerPage[] peers = [new(await journey.OpenAsync("peer1", "/peer.html")), new(await journey.OpenAsync("peer2", "/peer.html"))];
        await peers[0].SignInAndSetAvailableAsync("peer1");
        await peers[1].SignInAndSetAvailableAsync("peer2");
        var seeker = new SeekerPage(await journey.OpenAsync("seeker"));
        await seeker.SignUpAsync("Kit");

        // Alex (peer1) is a veteran and Jordan (peer2) a carer, so both share something with Kit.
        await seeker.RequestAsync("", "veteran", "carer");
        var first = await FirstWithAnOfferAsync(peers);
        await first.AnswerOfferAsync("Decline");
        var second = peers.Single(p => p != first);
        await Expect(second.Offers).ToHaveCountAsync(1);
        await second.AnswerOfferAsync("Accept");

        await seeker.ExpectMatchedWithAsync(second == peers[0] ? "Alex" : "Jordan");
        await Expect(second.ChatWith("Kit").Pane).ToBeVisibleAsync();
        await Expect(first.Page.Locator("#chats .chat")).ToHaveCountAsync(0);
    });

    [Fact]
    public Task A_seeker_waits_in_a_group_room_then_cancels_using_only_the_keyboard() => Journey.RunAsync(browser, async journey =>
    {
        var page = await journey.OpenAsync("seeker");

        await Keyboard.TabToAsync(page, page.GetByLabel("Your pseudonym"));
        await page.Keyboard.TypeAsync("Wren");
        await page.Keyboard.PressAsync("Enter");
        await Keyboard.TabToAsync(page, page.Locator("input[name='identity'][value='new-parent']"));
        await page.Keyboard.PressAsync("Space");
        await Keyboard.TabToAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Find someone to talk to" }));
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#queue-position")).ToHaveTextAsync("1 (you're next)");
        await Expect(page.Locator("#queue-stage")).ToHaveTextAsync("Looking for someone who is also one of the new parents.");
        await Expect(page.Locator("#group-invitation")).ToContainTextAsync("New parents' evening room");
        await Keyboard.TabToAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Wait in this group room" }));
        await page.Keyboard.PressAsync("Enter");
        var room = new ChatView(page.Locator("#waiting-room .room"));
        await room.SendAsync("Hello while I wait");
        await room.ExpectConfirmedAsync("Hello while I wait");
        await journey.CheckAsync(page, "seeker-waiting-in-a-room");
        await Keyboard.TabToAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Cancel" }));
        await page.Keyboard.PressAsync("Enter");

        await Expect(page.Locator("#step-request")).ToBeVisibleAsync();
        await Expect(page.Locator("#announcer")).ToHaveTextAsync("Your request is cancelled.");
        // A request still standing would refuse a second one.
        await page.GetByRole(AriaRole.Button, new() { Name = "Find someone to talk to" }).ClickAsync();
        await Expect(page.Locator("#queue-position")).ToHaveTextAsync("1 (you're next)");
        await Expect(page.Locator("#request-error")).ToBeEmptyAsync();
        await journey.CheckAsync(page, "seeker-waiting-again");
    });

    private static async Task<PeerPage> FirstWithAnOfferAsync(PeerPage[] peers)
    {
        PeerPage? offered = null;
        await Eventually.TrueAsync(async () =>
        {
            foreach (var peer in peers)
            {
                if (await peer.Offers.CountAsync() > 0)
                {
                    offered = peer;
                }
            }

            return offered is not null;
        }, "one of the peers sees the offer", TimeSpan.FromSeconds(20));
        return offered!;
    }
}
