using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using StackExchange.Redis;

namespace PeerLink.Web.Tests;

/// <summary>Outside Development the keys that seal every token are kept in Redis only encrypted, unless an operator says otherwise.</summary>
public sealed class KeyProtectionTests
{
    [Fact]
    public async Task In_Redis_mode_outside_Development_start_up_stops_without_a_certificate_and_says_what_to_set()
    {
        await using var redis = await RedisServer.StartNewAsync();
        await using var app = new PeerLinkFactory(RedisSettings(redis), environment: "Production");

        var failure = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains("PeerLink:DataProtection:CertificatePath", failure.ToString(), StringComparison.Ordinal);
        Assert.Contains("PeerLink:DataProtection:AllowUnencryptedKeys", failure.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_a_certificate_the_keys_are_stored_encrypted_and_a_sign_in_outlives_a_restart()
    {
        await using var redis = await RedisServer.StartNewAsync();
        using var certificate = new TestCertificate();
        var settings = new Dictionary<string, string?>(RedisSettings(redis))
        {
            ["PeerLink:DataProtection:CertificatePath"] = certificate.Path,
            ["PeerLink:DataProtection:CertificatePassword"] = certificate.Password,
        };
        string token;
        await using (var first = new PeerLinkFactory(settings, environment: "Production"))
        {
            var signedIn = await first.CreateClient().PostAsJsonAsync("/api/auth/guest", new { pseudonym = "River" });
            token = (await signedIn.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
        }

        await using var inspector = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
        var keys = string.Join("\n", (await inspector.GetDatabase().ListRangeAsync("peerlink/dataprotection/keys")).Select(k => (string)k!));
        await using var second = new PeerLinkFactory(settings, environment: "Production");
        using var client = second.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);

        Assert.Contains("EncryptedData", keys, StringComparison.Ordinal);
        Assert.DoesNotContain("<masterKey", keys, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task Unencrypted_keys_are_accepted_only_when_a_setting_says_so()
    {
        await using var redis = await RedisServer.StartNewAsync();
        await using var app = new PeerLinkFactory(
            new Dictionary<string, string?>(RedisSettings(redis)) { ["PeerLink:DataProtection:AllowUnencryptedKeys"] = "true" },
            environment: "Production");

        var signedIn = await app.CreateClient().PostAsJsonAsync("/api/auth/guest", new { pseudonym = "River" });

        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
    }

    [Fact]
    public async Task A_certificate_that_cannot_be_read_stops_start_up_naming_the_setting()
    {
        await using var redis = await RedisServer.StartNewAsync();
        await using var app = new PeerLinkFactory(
            new Dictionary<string, string?>(RedisSettings(redis)) { ["PeerLink:DataProtection:CertificatePath"] = "/no/such/file.pfx" },
            environment: "Production");

        var failure = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains("PeerLink:DataProtection:CertificatePath", failure.ToString(), StringComparison.Ordinal);
    }

    private static Dictionary<string, string?> RedisSettings(RedisServer redis) => new()
    {
        ["PeerLink:Storage:Provider"] = "Redis",
        ["PeerLink:Storage:RedisConnectionString"] = redis.ConnectionString,
    };
}
