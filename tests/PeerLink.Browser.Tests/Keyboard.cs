namespace PeerLink.Browser.Tests;

/// <summary>Moves focus with the Tab key only, as someone without a pointer would.</summary>
public static class Keyboard
{
    private const int MostTabs = 80;

    public static async Task TabToAsync(IPage page, ILocator target)
    {
        for (var presses = 0; presses < MostTabs; presses++)
        {
            if (await target.EvaluateAsync<bool>("element => element === document.activeElement"))
            {
                return;
            }

            await page.Keyboard.PressAsync("Tab");
        }

        throw new InvalidOperationException($"{MostTabs} presses of Tab never reached {target}.");
    }
}
