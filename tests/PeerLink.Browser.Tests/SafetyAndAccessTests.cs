namespace PeerLink.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class SafetyAndAccessTests(BrowserFixture browser)
{
    private const string Payload = "<img src=x onerror=alert(1)>";

    [Fact]
    public Task Markup_in_a_pseudonym_a_topic_and_messages_shows_as_plain_text_and_runs_nothing() => Journey.RunAsync(browser, async journey =>
    {
        var peer = new PeerPage(await journey.OpenAsync("peer", "/peer.html"));
        await peer.SignInAndSetAvailableAsync("peer1");
        var seeker = new SeekerPage(await journey.OpenAsync("seeker"));

        await seeker.SignUpAsync(Payload);
        await seeker.RequestAsync($"{Payload}<script>alert(2)</script>", "veteran");
        await Expect(peer.Offers.First.Locator(".topic")).ToHaveTextAsync($"{Payload}<script>alert(2)</script>");
        await peer.AnswerOfferAsync("Accept");
        await seeker.ExpectMatchedWithAsync("Alex");
        var peerChat = peer.ChatWith(Payload);
        await seeker.Chat.SendAsync(Payload);
        await peerChat.SendAsync("<b>bold?</b><svg onload=alert(3)>");

        await peerChat.ExpectReceivedAsync(Payload);
        await seeker.Chat.ExpectReceivedAsync("<b>bold?</b><svg onload=alert(3)>");
        await Expect(peer.Page.Locator("#chats .chat h2 .partner")).ToHaveTextAsync(Payload);
        await journey.CheckAsync(peer.Page, "peer-chat-with-markup-pseudonym");
        foreach (var page in new[] { peer.Page, seeker.Page })
        {
            Assert.Equal(0, await page.Locator("main img, main script, main svg, main b").CountAsync());
        }

        Assert.Empty(journey.Dialogs);
    });

    [Fact]
    public Task Crisis_language_in_a_chat_shows_crisis_lines_to_the_writer_and_the_peer() => Journey.RunAsync(browser, async journey =>
    {
        var (seeker, peer) = await Matches.VeteranWithAlexAsync(journey, "River");

        await seeker.Chat.SendAsync("I want to kill myself");

        foreach (var page in new[] { seeker.Page, peer.Page })
        {
            await Expect(page.Locator("#crisis-panel")).ToContainTextAsync("Emergency services");
            await Expect(page.Locator("#crisis-panel a[href='https://findahelpline.com']")).ToBeVisibleAsync();
        }

        await journey.CheckAsync(seeker.Page, "seeker-crisis-lines");
    });

    [Theory]
    [InlineData("/", "seeker")]
    [InlineData("/peer.html", "peer")]
    [InlineData("/groups.html", "groups")]
    [InlineData("/crisis.html", "crisis")]
    public Task Every_page_reads_on_a_360_px_phone_screen_and_says_PeerLink_is_not_a_crisis_service(string path, string name) => Journey.RunAsync(browser, async journey =>
    {
        var page = await journey.OpenAsync(name, path, width: 360);

        await journey.CheckAsync(page, $"{name}-360px");
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"{path} is {overflow} px wider than a 360 px screen.");
        await Expect(page.Locator("main")).ToContainTextAsync("not a crisis service");
        await Expect(page.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("crisis|findahelpline", System.Text.RegularExpressions.RegexOptions.IgnoreCase) }).First).ToBeVisibleAsync();
    }, name: $"{nameof(Every_page_reads_on_a_360_px_phone_screen_and_says_PeerLink_is_not_a_crisis_service)}-{name}");
}
