namespace PeerLink.Browser.Tests;

/// <summary>Signing out from the header every page has: this browser, or every device at once.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SignOutTests(BrowserFixture browser)
{
    [Fact]
    public Task A_peer_signs_out_of_one_browser_then_everywhere_and_each_sign_in_stops_working_at_once() => Journey.RunAsync(browser, async journey =>
    {
        var laptop = new PeerPage(await journey.OpenAsync("peer-laptop", "/peer.html"));
        await laptop.SignInAndSetAvailableAsync("peer1");
        var phone = new PeerPage(await journey.OpenAsync("peer-phone", "/peer.html", width: 360));
        await AccountSignIn.AsAsync(phone.Page, "peer1");
        await Expect(phone.Page.Locator("#step-work")).ToBeVisibleAsync();
        await Expect(laptop.Page.Locator(".site-header .account")).ToContainTextAsync("Signed in as Alex");
        await journey.CheckAsync(laptop.Page, "peer-signed-in-header");

        await laptop.Page.GetByRole(AriaRole.Button, new() { Name = "Sign out", Exact = true }).ClickAsync();

        await Expect(laptop.Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" })).ToBeVisibleAsync();
        Assert.Equal(401, (await laptop.Page.APIRequest.GetAsync("/api/me")).Status);
        Assert.Equal(200, (await phone.Page.APIRequest.GetAsync("/api/me")).Status);

        // Signing in again on the laptop, then out everywhere from the phone, ends both.
        await AccountSignIn.AsAsync(laptop.Page, "peer1");
        await Expect(laptop.Page.Locator("#step-work")).ToBeVisibleAsync();
        await phone.Page.GetByRole(AriaRole.Button, new() { Name = "Sign out everywhere" }).ClickAsync();

        await Expect(phone.Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" })).ToBeVisibleAsync();
        Assert.Equal(401, (await phone.Page.APIRequest.GetAsync("/api/me")).Status);
        Assert.Equal(401, (await laptop.Page.APIRequest.GetAsync("/api/me")).Status);
        await laptop.Page.ReloadAsync();
        await Expect(laptop.Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" })).ToBeVisibleAsync();
        Assert.Empty(journey.Dialogs);
    });

    [Fact]
    public Task The_crisis_page_also_shows_who_is_signed_in_and_signs_them_out() => Journey.RunAsync(browser, async journey =>
    {
        var peer = new PeerPage(await journey.OpenAsync("peer", "/peer.html"));
        await AccountSignIn.AsAsync(peer.Page, "peer2");
        await Expect(peer.Page.Locator("#step-work")).ToBeVisibleAsync();

        await peer.Page.GotoAsync("/crisis.html");
        await Expect(peer.Page.Locator(".site-header .account")).ToContainTextAsync("Signed in as");
        await journey.CheckAsync(peer.Page, "crisis-page-signed-in");
        await peer.Page.GetByRole(AriaRole.Button, new() { Name = "Sign out", Exact = true }).ClickAsync();

        await Expect(peer.Page.GetByRole(AriaRole.Button, new() { Name = "Sign out", Exact = true })).ToHaveCountAsync(0);
        await Expect(peer.Page.GetByRole(AriaRole.Heading, new() { Name = "If you need help now" })).ToBeVisibleAsync();
        Assert.Equal(401, (await peer.Page.APIRequest.GetAsync("/api/me")).Status);
    });

    [Fact]
    public Task A_guest_who_kept_no_username_is_warned_on_the_page_before_signing_out() => Journey.RunAsync(browser, async journey =>
    {
        var seeker = new SeekerPage(await journey.OpenAsync("seeker"));
        await seeker.SignUpAsync("Wren");
        await Expect(seeker.Page.Locator(".site-header .account")).ToContainTextAsync("Signed in as Wren");

        await seeker.Page.GetByRole(AriaRole.Button, new() { Name = "Sign out", Exact = true }).ClickAsync();
        await Expect(seeker.Page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "you will not be able to come back" })).ToBeVisibleAsync();
        await journey.CheckAsync(seeker.Page, "guest-sign-out-warning");
        await seeker.Page.GetByRole(AriaRole.Button, new() { Name = "Stay signed in" }).ClickAsync();
        Assert.Equal(200, (await seeker.Page.APIRequest.GetAsync("/api/me")).Status);

        await seeker.Page.GetByRole(AriaRole.Button, new() { Name = "Sign out", Exact = true }).ClickAsync();
        await seeker.Page.GetByRole(AriaRole.Button, new() { Name = "Sign out anyway" }).ClickAsync();

        await Expect(seeker.Page.GetByLabel("Your pseudonym")).ToBeVisibleAsync();
        Assert.Equal(401, (await seeker.Page.APIRequest.GetAsync("/api/me")).Status);
        Assert.Empty(journey.Dialogs);
    });
}
