namespace PeerLink.Browser.Tests;

/// <summary>The group rooms page (/groups.html), driven the way a visitor would.</summary>
public sealed class GroupPage(IPage page)
{
    public IPage Page => page;

    public ChatView Room => new(page.Locator("#step-room .room"));

    public ILocator Members => page.Locator("#step-room .members li");

    public async Task SignUpAndJoinAsync(string pseudonym, string room)
    {
        await SignUpAsync(pseudonym);
        await JoinAsync(room);
        await Expect(Members.GetByText(pseudonym, new() { Exact = true })).ToBeVisibleAsync();
    }

    public async Task SignUpAsync(string pseudonym)
    {
        await page.GetByLabel("Your pseudonym").FillAsync(pseudonym);
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Expect(page.Locator("#step-rooms")).ToBeVisibleAsync();
    }

    public async Task JoinAsync(string room)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = $"Join {room}" }).ClickAsync();
        await Expect(page.Locator("#step-room .room h2")).ToHaveTextAsync(room);
    }

    public Task ExpectMemberAsync(string pseudonym, string presence) =>
        Expect(Members.Filter(new() { HasText = pseudonym }).Locator(".presence").Last).ToHaveTextAsync(presence);
}
