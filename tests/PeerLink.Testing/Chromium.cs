using Microsoft.Playwright;

namespace PeerLink.Testing;

/// <summary>Debian's chromium, headless, through Playwright: the browser tests and the page-load benchmark use the same one.</summary>
public static class Chromium
{
    public const string Path = "/usr/bin/chromium";

    // Without the background-networking flags chromium keeps calling home, which a closed network refuses.
    private static readonly string[] Arguments =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    public static Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        if (!File.Exists(Path))
        {
            throw new InvalidOperationException($"Chromium is not installed at {Path}. Install it with: apt-get install -y chromium");
        }

        return playwright.Chromium.LaunchAsync(new() { ExecutablePath = Path, Headless = true, Args = Arguments });
    }
}
