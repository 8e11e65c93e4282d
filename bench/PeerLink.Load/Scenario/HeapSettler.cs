using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using PeerLink.Load.Hosting;

namespace PeerLink.Load.Scenario;

/// <summary>
/// Asks the server for a full collection before each timed phase (its bench-only POST /bench/settle-heap, as
/// an admin), so PeerLink's phases and the echo hub's start from the same settled heap. Traced without it, the
/// first gen-1 collection after the mass connect moved the ~115 MB of connection state to gen 2 in one pause of
/// 165–240 ms, in whichever timed phase it fell.
/// </summary>
internal sealed class HeapSettler(PeerLinkServer server, ErrorLog errors) : IDisposable
{
    private const string Path = "/bench/settle-heap";
    private readonly List<HttpClient> nodes = [.. server.NodeUrls.Select(url => new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromMinutes(1) })];
    private string? token;

    /// <summary>Whether every ask so far was answered; false once the server refused or lacked the endpoint.</summary>
    public bool Settled { get; private set; } = true;

    /// <summary>Settles each node's heap; a server without the switch is noted as not settled, not as an error.</summary>
    public async Task SettleAsync(CancellationToken cancellationToken)
    {
        try
        {
            token ??= await SignInAsync(nodes[0], cancellationToken);
            foreach (var http in nodes)
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, Path);
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                using var response = await http.SendAsync(request, cancellationToken);
                if (response.StatusCode == HttpStatusCode.NotFound)
                {
                    Settled = false;
                    return;
                }

                response.EnsureSuccessStatusCode();
            }
        }
        catch (HttpRequestException e)
        {
            Settled = false;
            errors.Add("settle-heap", e);
        }
    }

    public void Dispose()
    {
        foreach (var http in nodes)
        {
            http.Dispose();
        }
    }

    private async Task<string> SignInAsync(HttpClient http, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync("/api/auth/login", new { username = server.AdminUsername, password = server.AdminPassword }, cancellationToken);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<SignedIn>(cancellationToken);
        return body?.Token ?? throw new HttpRequestException("The admin sign-in answered no token.");
    }

    private sealed record SignedIn(string Token);
}
