namespace PeerLink.Browser.Tests;

/// <summary>The peer's page (/peer.html), driven the way a peer supporter would.</summary>
public sealed class PeerPage(IPage page)
{
    public IPage Page => page;

    public ILocator Offers => page.Locator("#offers .offer");

    public ChatView ChatWith(string seeker) =>
        new(page.Locator("#chats .chat").Filter(new() { Has = page.Locator("h2 .partner").GetByText(seeker, new() { Exact = true }) }));

    public async Task SignInAndSetAvailableAsync(string username, int capacity = 2)
    {
        await page.GetByLabel("Username").FillAsync(username);
        await page.GetByLabel("Password").FillAsync(PeerLinkHost.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.Locator("#step-work")).ToBeVisibleAsync();
        await page.GetByLabel("Available for new conversations").CheckAsync();
        await page.GetByLabel("Conversations at once").FillAsync($"{capacity}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save availability" }).ClickAsync();
        await Expect(page.Locator("#availability-status")).ToHaveTextAsync($"You are available for up to {capacity} conversations at once.");
    }

    public async Task AnswerOfferAsync(string answer)
    {
        await Offers.First.GetByRole(AriaRole.Button, new() { Name = answer, Exact = true }).ClickAsync();
        await Expect(Offers).ToHaveCountAsync(0);
    }
}
