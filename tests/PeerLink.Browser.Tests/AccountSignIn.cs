namespace PeerLink.Browser.Tests;

/// <summary>Signs a demo account in on a page with the username and password form (peer page, moderator console).</summary>
public static class AccountSignIn
{
    public static async Task AsAsync(IPage page, string username)
    {
        await page.GetByLabel("Username").FillAsync(username);
        await page.GetByLabel("Password").FillAsync(PeerLinkHost.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }
}
