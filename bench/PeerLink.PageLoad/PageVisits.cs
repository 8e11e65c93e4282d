using Microsoft.Playwright;

namespace PeerLink.PageLoad;

/// <summary>First visits to a page: each in a new browser context, so nothing is cached, timed by the page's own ready mark.</summary>
internal static class PageVisits
{
    /// <summary>Milliseconds from navigation start to <c>performance.mark('peerlink-ready')</c>, which PeerLink's pages set once every module has run and the page takes input.</summary>
    public static async Task<double> TimeToInteractiveAsync(IBrowser browser, Uri url)
    {
        await using var context = await browser.NewContextAsync();
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync(url.ToString());
        await page.WaitForFunctionAsync("() => performance.getEntriesByName('peerlink-ready').length > 0");
        return await page.EvaluateAsync<double>("() => performance.getEntriesByName('peerlink-ready')[0].startTime");
    }
}
