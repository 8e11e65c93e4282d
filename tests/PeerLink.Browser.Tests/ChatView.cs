namespace PeerLink.Browser.Tests;

/// <summary>A list of messages with a message box: a one-to-one chat or a group room.</summary>
public sealed class ChatView(ILocator pane)
{
    public ILocator Pane => pane;

    public async Task SendAsync(string text)
    {
        var box = pane.Locator("textarea");
        await box.FillAsync(text);
        await box.PressAsync("Enter");
    }

    /// <summary>Waits for the message the sender sees as confirmed (stored by the server).</summary>
    public Task ExpectConfirmedAsync(string text) =>
        Expect(pane.Locator(".message.mine[data-state='confirmed'] .text").GetByText(text, new() { Exact = true })).ToBeVisibleAsync();

    public Task ExpectReceivedAsync(string text) =>
        Expect(pane.Locator(".message:not(.mine) .text").GetByText(text, new() { Exact = true })).ToBeVisibleAsync();

    public async Task<IReadOnlyList<string>> TextsAsync() => await pane.Locator(".message .text").AllTextContentsAsync();
}
