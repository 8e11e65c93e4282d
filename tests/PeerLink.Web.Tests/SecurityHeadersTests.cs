using System.Net.Http.Json;

namespace PeerLink.Web.Tests;

/// <summary>What every answer tells the browser about framing, scripts, sniffing and referrers, and HTTPS outside Development.</summary>
public sealed class SecurityHeadersTests
{
    public static TheoryData<string> Pages => ["/", "/index.html", "/peer.html", "/groups.html", "/moderator.html", "/crisis.html", "/api/languages", "/healthz"];

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Every_page_and_answer_carries_a_policy_with_no_inline_script_or_style_and_no_framing(string path)
    {
        await using var app = new PeerLinkFactory();
        using var client = app.CreateClient();

        var response = await client.GetAsync(path);

        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("style-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
    }

    [Fact]
    public async Task Outside_Development_HTTPS_answers_carry_HSTS_and_the_sign_in_cookie_is_Secure()
    {
        await using var app = new PeerLinkFactory(new Dictionary<string, string?>(), environment: "Production");
        using var client = app.CreateClient(new() { BaseAddress = new Uri("https://peerlink.example") });

        var page = await client.GetAsync("/");
        var signIn = await client.PostAsJsonAsync("/api/auth/guest", new { pseudonym = "River" });

        Assert.Contains("max-age=31536000", Assert.Single(page.Headers.GetValues("Strict-Transport-Security")), StringComparison.Ordinal);
        Assert.Contains(signIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("peerlink=", StringComparison.Ordinal) && c.Contains("secure", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task In_Development_or_over_plain_HTTP_no_HSTS_is_sent()
    {
        await using var app = new PeerLinkFactory();
        using var client = app.CreateClient(new() { BaseAddress = new Uri("https://peerlink.example") });

        var page = await client.GetAsync("/");

        Assert.False(page.Headers.Contains("Strict-Transport-Security"));
    }
}
