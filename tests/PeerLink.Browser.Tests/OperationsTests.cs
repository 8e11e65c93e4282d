namespace PeerLink.Browser.Tests;

/// <summary>The operators' surfaces that are pages: the Orleans dashboard, for admins.</summary>
[Collection(BrowserCollection.Name)]
public sealed class OperationsTests(BrowserFixture browser)
{
    private static readonly Dictionary<string, string?> DashboardOn = new() { ["PeerLink:Operations:DashboardEnabled"] = "true" };

    [Fact]
    public Task The_Orleans_dashboard_runs_for_a_signed_in_admin_within_the_sites_security_policy() => Journey.RunAsync(browser, async journey =>
    {
        var page = await journey.OpenAsync("admin", "/moderator.html");
        var signIn = await page.APIRequest.PostAsync("/api/auth/login", new() { DataObject = new { username = "admin", password = PeerLinkHost.DemoPassword } });
        Assert.Equal(200, signIn.Status);

        await page.GotoAsync("/admin/orleans/");

        // The menu and the silo list are drawn by the dashboard's own script from its API, so both show it ran.
        await Expect(page.Locator("#menu a").First).ToBeVisibleAsync();
        await Expect(page.GetByText("Active silos", new() { Exact = false }).First).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(TestResults.Folder, "browser", "orleans-dashboard.png"), FullPage = true });
        journey.AssertNothingBlockedByPolicy("orleans-dashboard");
    }, settings: DashboardOn);
}
