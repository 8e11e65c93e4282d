namespace PeerLink.Browser.Tests;

/// <summary>A window past the connection cap says so and stops, instead of retrying in a loop the server refuses.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ConnectionCapTests(BrowserFixture browser)
{
    [Fact]
    public Task A_tab_past_the_cap_on_connections_says_to_close_one_and_the_first_tab_stays_connected() => Journey.RunAsync(browser, async journey =>
    {
        var seeker = new SeekerPage(await journey.OpenAsync("seeker"));
        await seeker.SignUpAsync("Wren");
        await Expect(seeker.Page.Locator("#connection")).ToHaveAttributeAsync("data-state", "connected");

        var second = await seeker.Page.Context.NewPageAsync();
        await second.GotoAsync("/");

        await Expect(second.Locator("#connection")).ToHaveAttributeAsync("data-state", "too-many");
        await Expect(second.Locator("#connection")).ToContainTextAsync("Too many PeerLink windows are open");
        await journey.CheckAsync(second, "too-many-windows");
        await Expect(seeker.Page.Locator("#connection")).ToHaveAttributeAsync("data-state", "connected");
    }, settings: new Dictionary<string, string?> { ["PeerLink:Limits:ConnectionsPerPerson"] = "1" });
}
