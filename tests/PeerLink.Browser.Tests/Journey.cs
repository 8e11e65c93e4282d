using System.Runtime.CompilerServices;
using System.Text.Json;

namespace PeerLink.Browser.Tests;

/// <summary>
/// One test's people, each in a browser context of their own, visiting one PeerLink host. Every
/// <see cref="CheckAsync"/> saves a screenshot under TestResults/browser and fails on any serious or
/// critical axe-core violation; on a failure, every open page is saved too.
/// </summary>
public sealed class Journey : IAsyncDisposable
{
    private static readonly Lazy<string> AxeScript = new(() => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "axe.min.js")));
    private static readonly string[] BlockingImpacts = ["serious", "critical"];

    private readonly BrowserFixture browser;
    private readonly string screenshots;
    private readonly List<IBrowserContext> contexts = [];
    private readonly List<(string Who, IPage Page)> pages = [];
    private readonly List<string> dialogs = [];
    private readonly List<string> blockedByPolicy = [];

    private Journey(BrowserFixture browser, PeerLinkHost app, string name)
    {
        this.browser = browser;
        App = app;
        screenshots = Path.Combine(TestResults.Folder, "browser", name);
        Directory.CreateDirectory(screenshots);
    }

    public PeerLinkHost App { get; set; }

    /// <summary>Every alert, confirm or prompt any page opened; PeerLink's pages never open one.</summary>
    public IReadOnlyList<string> Dialogs => dialogs;

    public static async Task RunAsync(
        BrowserFixture browser, Func<Journey, Task> steps, RedisServer? redis = null, IReadOnlyDictionary<string, string?>? settings = null, [CallerMemberName] string name = "")
    {
        await using var journey = new Journey(browser, PeerLinkHost.Start(redis, settings), name);
        try
        {
            await steps(journey);
        }
        catch
        {
            await journey.ScreenshotEveryPageAsync("failure");
            throw;
        }
    }

    /// <summary>Opens a page for a new person (their own cookies) and waits until it takes input.</summary>
    public async Task<IPage> OpenAsync(string who, string path = "/", int width = 1100, string? locale = null)
    {
        var context = await browser.Browser.NewContextAsync(new() { BaseURL = App.BaseUrl.ToString(), ViewportSize = new() { Width = width, Height = 900 }, Locale = locale });
        contexts.Add(context);
        context.SetDefaultTimeout(20_000);
        var page = await context.NewPageAsync();
        page.Dialog += async (_, dialog) =>
        {
            dialogs.Add($"{who}: {dialog.Type} {dialog.Message}");
            await dialog.DismissAsync();
        };
        // Anything the Content-Security-Policy blocks (an inline script or style) is a bug in the page.
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                lock (blockedByPolicy)
                {
                    blockedByPolicy.Add($"{who}: {message.Text}");
                }
            }
        };
        pages.Add((who, page));
        await page.GotoAsync(path);
        // A page with a script is ready once it says so; a page without one, once loaded.
        await page.WaitForFunctionAsync("() => !document.querySelector('script[type=module]') || document.documentElement.dataset.ready === 'true'");
        return page;
    }

    /// <summary>Saves a screenshot of the page as it is now, then runs axe-core on it.</summary>
    public async Task CheckAsync(IPage page, string step)
    {
        await page.ScreenshotAsync(new() { Path = Path.Combine(screenshots, $"{step}.png"), FullPage = true });
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
        {
            // The pages allow scripts from their own origin only, so axe-core is served as if it were one of PeerLink's
            // files, and the Content-Security-Policy stays in force while the page is checked.
            await page.RouteAsync("**/test-only/axe.min.js", route => route.FulfillAsync(new() { Body = AxeScript.Value, ContentType = "text/javascript" }));
            await page.AddScriptTagAsync(new() { Url = "/test-only/axe.min.js" });
        }

        var violations = await page.EvaluateAsync<JsonElement>(
            """
            async () => (await axe.run(document, { resultTypes: ['violations'] })).violations
              .map(v => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map(n => n.target.join(' ')) }))
            """);
        var blocking = violations.EnumerateArray()
            .Where(v => BlockingImpacts.Contains(v.GetProperty("impact").GetString()))
            .Select(v => $"{v.GetProperty("impact")} {v.GetProperty("id")}: {v.GetProperty("help")} at {string.Join(", ", v.GetProperty("targets").EnumerateArray())}")
            .ToList();
        Assert.True(blocking.Count == 0, $"axe-core found serious or critical problems on '{step}':{Environment.NewLine}{string.Join(Environment.NewLine, blocking)}");
        AssertNothingBlockedByPolicy(step);
    }

    /// <summary>Fails if the Content-Security-Policy blocked anything on any page so far.</summary>
    public void AssertNothingBlockedByPolicy(string step)
    {
        lock (blockedByPolicy)
        {
            Assert.True(blockedByPolicy.Count == 0, $"The Content-Security-Policy blocked something by '{step}':{Environment.NewLine}{string.Join(Environment.NewLine, blockedByPolicy)}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var context in contexts)
        {
            await context.DisposeAsync();
        }

        await App.DisposeAsync();
    }

    private async Task ScreenshotEveryPageAsync(string step)
    {
        foreach (var (who, page) in pages.Where(p => !p.Page.IsClosed))
        {
            try
            {
                await page.ScreenshotAsync(new() { Path = Path.Combine(screenshots, $"{step}-{who}.png"), FullPage = true });
            }
            catch (PlaywrightException)
            {
                // A page that cannot be drawn any more says nothing about the failure.
            }
        }
    }
}
