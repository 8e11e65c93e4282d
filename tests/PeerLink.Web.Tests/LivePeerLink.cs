using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PeerLink.Grains.People;
using Orleans;
using PeerLink.Web.Auth;

namespace PeerLink.Web.Tests;

/// <summary>The whole app on a real Kestrel at 127.0.0.1 and a free port, for hub tests over real WebSockets.</summary>
public sealed class LivePeerLink : LoopbackApp<Program>
{
    /// <param name="settings">Configuration for this app, such as "PeerLink:Demo:Seed".</param>
    /// <param name="logs">When given, everything the app logs is kept here too.</param>
    public LivePeerLink(IReadOnlyDictionary<string, string?>? settings = null, KeptLogs? logs = null)
        : base(settings ?? new Dictionary<string, string?>(), configure: logs is null ? null : b => b.ConfigureLogging(l => l.AddProvider(logs)))
    {
        Http = new HttpClient { BaseAddress = BaseUrl };
    }

    public Uri HubUrl => new(BaseUrl, "/hubs/peerlink");

    public HttpClient Http { get; }

    public IGrainFactory Grains => Services.GetRequiredService<IGrainFactory>();

    /// <summary>An HTTP client that keeps no cookies, so it stays anonymous whoever signs in through <see cref="Http"/>.</summary>
    public HttpClient Anonymous() => new(new HttpClientHandler { UseCookies = false }) { BaseAddress = BaseUrl };

    /// <summary>An HTTP client that sends this bearer token.</summary>
    public HttpClient Client(string token)
    {
        var client = new HttpClient { BaseAddress = BaseUrl };
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return client;
    }

    public async Task<(string PersonId, string Token)> LoginAsync(string username, string password) =>
        await SignInAsync(Http, "/api/auth/login", new { username, password });

    public async Task<(string PersonId, string Token)> GuestAsync(string pseudonym) =>
        await SignInAsync(Http, "/api/auth/guest", new { pseudonym });

    /// <summary>A trained peer with a password, made the way an admin's invite will make one.</summary>
    public async Task<(string PersonId, string Token)> PeerAsync(string username, string[] identities)
    {
        var personId = await Services.GetRequiredService<AccountProvisioner>().CreateAsync(username, "peer password", username, Role.Peer);
        var person = Grains.GetGrain<IPersonGrain>(personId);
        await person.UpdateProfile(new ProfileUpdate(identities, ["en"], "UTC"));
        await person.RecordTraining(new TrainingRecord(DateTimeOffset.UtcNow, "test"));
        return await LoginAsync(username, "peer password");
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Http.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <summary>Posts to a sign-in endpoint and returns who was signed in and their token.</summary>
    public static async Task<(string PersonId, string Token)> SignInAsync(HttpClient http, string path, object body)
    {
        var response = await http.PostAsJsonAsync(path, body);
        response.EnsureSuccessStatusCode();
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (json.GetProperty("personId").GetString()!, json.GetProperty("token").GetString()!);
    }
}
