using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using PeerLink.Load.Hosting;

namespace PeerLink.Load.Scenario;

/// <summary>Makes the run's people over PeerLink's own HTTP API: guests for seekers, invited and trained peers.</summary>
internal sealed class SignIns(PeerLinkServer server, ErrorLog errors, int parallelism = 16) : IDisposable
{
    private const string PeerPassword = "load peer password";
    private readonly HttpClient http = new(new SocketsHttpHandler { MaxConnectionsPerServer = parallelism }) { BaseAddress = server.BaseUrl };
    private readonly string run = Guid.NewGuid().ToString("N")[..8];

    public async Task<IReadOnlyList<SimPerson>> GuestsAsync(int count, CancellationToken cancellationToken)
    {
        var people = new SimPerson?[count];
        await Parallel.ForEachAsync(Enumerable.Range(0, count), Options(cancellationToken), async (i, ct) =>
            people[i] = await TryAsync(() => PostAsync("/api/auth/guest", new { pseudonym = $"Seeker {i}" }, token: null, ct)));
        return [.. people.OfType<SimPerson>()];
    }

    /// <summary>Trained peers who speak English and share <paramref name="identities"/>, made as an admin makes them.</summary>
    public async Task<IReadOnlyList<SimPerson>> PeersAsync(int count, string[] identities, CancellationToken cancellationToken)
    {
        var admin = await PostAsync("/api/auth/login", new { username = server.AdminUsername, password = server.AdminPassword }, token: null, cancellationToken);
        var people = new SimPerson?[count];
        await Parallel.ForEachAsync(Enumerable.Range(0, count), Options(cancellationToken), async (i, ct) => people[i] = await TryAsync(async () =>
        {
            var invite = await SendAsync(HttpMethod.Post, "/api/admin/invites", new { role = "peer" }, admin.Token, ct);
            var peer = await PostAsync(
                "/api/auth/register",
                new { inviteCode = invite.GetProperty("code").GetString(), username = $"lp{run}-{i}", password = PeerPassword, pseudonym = $"Peer {i}" },
                token: null,
                ct);
            await SendAsync(HttpMethod.Put, "/api/me/profile", new { identities, languages = new[] { "en" }, timeZone = "UTC" }, peer.Token, ct);
            await SendAsync(HttpMethod.Post, $"/api/admin/people/{peer.PersonId}/training", new { }, admin.Token, ct);
            return peer;
        }));
        return [.. people.OfType<SimPerson>()];
    }

    public void Dispose() => http.Dispose();

    private ParallelOptions Options(CancellationToken cancellationToken) => new() { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken };

    /// <summary>A person who could not be made is an error of the run, and the run goes on without them.</summary>
    private async Task<SimPerson?> TryAsync(Func<Task<SimPerson>> signIn)
    {
        try
        {
            return await signIn();
        }
        catch (HttpRequestException e)
        {
            errors.Add("sign-in", e);
            return null;
        }
    }

    private async Task<SimPerson> PostAsync(string path, object body, string? token, CancellationToken cancellationToken)
    {
        var json = await SendAsync(HttpMethod.Post, path, body, token, cancellationToken);
        return new SimPerson(json.GetProperty("personId").GetString()!, json.GetProperty("token").GetString()!);
    }

    private async Task<JsonElement> SendAsync(HttpMethod method, string path, object body, string? token, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"{method} {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }

        return await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
    }
}
