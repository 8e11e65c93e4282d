namespace PeerLink.Browser.Tests;

/// <summary>The moderator console (/moderator.html), driven the way the demo moderator, Moderator Mo, would.</summary>
public sealed class ModeratorConsole(IPage page)
{
    public const string Pseudonym = "Moderator Mo";

    public IPage Page => page;

    public ILocator Alerts => page.Locator("#alerts > li");

    public ILocator Calls => page.Locator("#calls > li");

    public ILocator Reports => page.Locator("#reports > li");

    /// <summary>The one conversation the moderator joined.</summary>
    public ChatView Conversation => new(page.Locator("#conversations .chat"));

    public async Task SignInAsync()
    {
        await AccountSignIn.AsAsync(page, "moderator");
        await Expect(page.Locator("#step-console")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Switch, new() { Name = "On duty" })).ToHaveAttributeAsync("aria-checked", "true");
    }

    public ILocator RoomRow(string title) => page.Locator("#rooms tbody tr").Filter(new() { Has = page.Locator("th").GetByText(title, new() { Exact = true }) });

    /// <summary>Starts watching a room from the dashboard's room list; its view shows the room's members and messages.</summary>
    public async Task<ChatView> WatchAsync(string title, bool quietly)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = quietly ? $"Watch quietly: {title}" : $"Watch {title}", Exact = true }).ClickAsync();
        var room = page.Locator("#watched-rooms .room").Filter(new() { Has = page.Locator("h2").GetByText(title, new() { Exact = true }) });
        await Expect(room.Locator(".room-tools")).ToBeVisibleAsync();
        return new ChatView(room);
    }

    /// <summary>Does one moderation action in a watched room, with a reason, and waits until the console says it is done.</summary>
    public async Task ActAsync(ChatView room, string action, string reason, string done)
    {
        await room.Pane.GetByLabel("Reason", new() { Exact = true }).FillAsync(reason);
        await room.Pane.GetByRole(AriaRole.Button, new() { Name = action, Exact = true }).ClickAsync();
        await Expect(room.Pane.Locator(".room-tools [role=status]")).ToHaveTextAsync(done);
    }
}
