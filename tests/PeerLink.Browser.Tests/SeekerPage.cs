namespace PeerLink.Browser.Tests;

/// <summary>The seeker's page (/), driven the way a person would.</summary>
public sealed class SeekerPage(IPage page)
{
    public IPage Page => page;

    public ChatView Chat => new(page.Locator("#step-chat .chat"));

    public ILocator Waiting => page.Locator("#step-waiting");

    public async Task SignUpAsync(string pseudonym)
    {
        await page.GetByLabel("Your pseudonym").FillAsync(pseudonym);
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Expect(page.Locator("#step-request")).ToBeVisibleAsync();
    }

    public async Task RequestAsync(string topic, params string[] identities)
    {
        foreach (var identity in identities)
        {
            await page.Locator($"input[name='identity'][value='{identity}']").CheckAsync();
        }

        await page.GetByLabel("What's on your mind?").FillAsync(topic);
        await page.GetByRole(AriaRole.Button, new() { Name = "Find someone to talk to" }).ClickAsync();
        await Expect(page.Locator("#queue-stage")).Not.ToHaveTextAsync("…");
    }

    public async Task ExpectMatchedWithAsync(string peer)
    {
        await Expect(page.Locator("#step-chat .chat h2")).ToHaveTextAsync($"Talking with {peer}");
        await Expect(page.Locator("#connection")).ToHaveAttributeAsync("data-state", "connected");
    }

    public async Task EndAndGiveFeedbackAsync(int rating)
    {
        await Chat.Pane.GetByRole(AriaRole.Button, new() { Name = "End conversation" }).ClickAsync();
        await Expect(page.Locator("#step-ended")).ToBeVisibleAsync();
        await page.GetByLabel(rating == 5 ? "5 (very good)" : $"{rating}", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("I'd like to talk to this peer again").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Send feedback" }).ClickAsync();
        await Expect(page.Locator("#feedback-status")).ToHaveTextAsync("Thank you for your feedback.");
    }
}
