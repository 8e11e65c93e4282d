namespace PeerLink.Browser.Tests;

/// <summary>While storage is down a page says PeerLink is having trouble and retries; it carries on by itself once storage is back.</summary>
[Collection(BrowserCollection.Name)]
public sealed class OutageTests(BrowserFixture browser)
{
    [Fact]
    public async Task Signing_up_while_Redis_is_down_shows_having_trouble_retrying_and_goes_through_once_Redis_is_back()
    {
        await using var redis = await RedisServer.StartNewAsync(appendOnly: true);
        await Journey.RunAsync(browser, async journey =>
        {
            var page = await journey.OpenAsync("seeker");
            await Expect(page.GetByLabel("Your pseudonym")).ToBeVisibleAsync();

            await redis.StopAsync();
            await page.GetByLabel("Your pseudonym").FillAsync("Wren");
            await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();

            var trouble = page.GetByRole(AriaRole.Status).Filter(new() { HasText = "PeerLink is having trouble right now. Retrying" });
            await Expect(trouble).ToBeVisibleAsync(new() { Timeout = 30_000 });
            await journey.CheckAsync(page, "having-trouble");
            await redis.StartAsync();

            await Expect(page.Locator("#step-request")).ToBeVisibleAsync(new() { Timeout = 60_000 });
            await Expect(trouble).ToHaveCountAsync(0);
            Assert.Empty(journey.Dialogs);
        }, redis);
    }
}
