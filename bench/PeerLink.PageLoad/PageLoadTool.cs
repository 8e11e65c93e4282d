using System.CommandLine;
using Microsoft.Playwright;
using PeerLink.Testing;

namespace PeerLink.PageLoad;

/// <summary>The command line: see BENCHMARKS.md ("Browser") for what a run does and how to read it.</summary>
internal static class PageLoadTool
{
    public static async Task<int> Main(string[] args)
    {
        var visits = new Option<int>("--visits") { Description = "First visits to each page", DefaultValueFactory = _ => 20 };
        var json = new Option<FileInfo?>("--json") { Description = "Also write the report as JSON to this file" };
        visits.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1)
            {
                result.AddError("--visits must be at least 1.");
            }
        });
        var root = new RootCommand("PeerLink page load: the seeker page's time to interactive in headless chromium, against a bare page in the same run") { visits, json };
        root.SetAction(async (parsed, cancellationToken) =>
        {
            var report = await RunAsync(parsed.GetValue(visits), cancellationToken);
            Console.WriteLine(report.ToText());
            if (parsed.GetValue(json) is { } file)
            {
                await File.WriteAllTextAsync(file.FullName, report.ToJson(), cancellationToken);
            }

            return report.TargetMet ? 0 : 1;
        });
        return await root.Parse(args).InvokeAsync();
    }

    private static async Task<PageLoadReport> RunAsync(int visits, CancellationToken cancellationToken)
    {
        var loadAverage = File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
        await using var peerLink = new PeerLinkSite();
        await using var baseline = await BaselineSite.StartAsync();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);

        // One unmeasured visit each: a server's first request pays for its own start-up, which no visitor meets.
        await PageVisits.TimeToInteractiveAsync(browser, baseline.Url);
        await PageVisits.TimeToInteractiveAsync(browser, peerLink.BaseUrl);

        // In turn, and each pair in the other order from the last, so whatever else the machine does falls on both.
        var bare = new List<double>();
        var seeker = new List<double>();
        for (var visit = 0; visit < visits && !cancellationToken.IsCancellationRequested; visit++)
        {
            if (visit % 2 == 0)
            {
                bare.Add(await PageVisits.TimeToInteractiveAsync(browser, baseline.Url));
                seeker.Add(await PageVisits.TimeToInteractiveAsync(browser, peerLink.BaseUrl));
            }
            else
            {
                seeker.Add(await PageVisits.TimeToInteractiveAsync(browser, peerLink.BaseUrl));
                bare.Add(await PageVisits.TimeToInteractiveAsync(browser, baseline.Url));
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        return new PageLoadReport(DateTimeOffset.UtcNow, Environment.ProcessorCount, loadAverage, visits, Timings.Of(bare), Timings.Of(seeker));
    }
}
