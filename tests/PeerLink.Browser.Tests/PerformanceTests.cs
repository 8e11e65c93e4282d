using System.IO.Compression;
using Xunit.Abstractions;

namespace PeerLink.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class PerformanceTests(BrowserFixture browser, ITestOutputHelper output)
{
    private const int MostCompressedScriptBytes = 150 * 1024;

    // How fast the page becomes interactive is a benchmark (bench/PeerLink.PageLoad, BENCHMARKS.md "Browser"),
    // not a test: a timed test on a shared machine fails for the machine's sake. What the page weighs is exact.
    [Fact]
    public Task The_seeker_page_loads_at_most_150_KB_of_compressed_JavaScript() => Journey.RunAsync(browser, async journey =>
    {
        var page = await journey.OpenAsync("visitor");
        var scripts = await ScriptBytesAsync(page);
        var report = $"Seeker page JavaScript: {scripts.Raw / 1024.0:F1} KB raw, {scripts.Gzip / 1024.0:F1} KB gzip-compressed.";
        output.WriteLine(report);
        await File.WriteAllTextAsync(Path.Combine(TestResults.Folder, "browser", "performance.txt"), report + Environment.NewLine);

        Assert.True(scripts.Gzip <= MostCompressedScriptBytes, report);
    });

    /// <summary>Every script the page loaded, as served and as gzip would send it.</summary>
    private static async Task<(long Raw, long Gzip)> ScriptBytesAsync(IPage page)
    {
        var urls = await page.EvaluateAsync<string[]>(
            "() => performance.getEntriesByType('resource').filter(r => r.initiatorType === 'script' || r.name.endsWith('.js')).map(r => r.name)");
        long raw = 0, gzip = 0;
        foreach (var url in urls.Distinct())
        {
            var body = await (await page.APIRequest.GetAsync(url)).BodyAsync();
            raw += body.Length;
            using var compressed = new MemoryStream();
            await using (var zip = new GZipStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
            {
                await zip.WriteAsync(body);
            }

            gzip += compressed.Length;
        }

        Assert.Contains(urls, url => url.EndsWith("signalr.min.js", StringComparison.Ordinal));
        return (raw, gzip);
    }
}
