using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.StackExchangeRedis;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using PeerLink.Silo.Hosting;
using StackExchange.Redis;

namespace PeerLink.Web.Auth;

/// <summary>"PeerLink:DataProtection": how the keys that seal every token and cookie are protected where they are kept.</summary>
public sealed class KeyProtectionOptions
{
    public const string SectionName = "PeerLink:DataProtection";

    /// <summary>A PFX file with a certificate and its private key; the keys are encrypted with it before they are stored.</summary>
    public string? CertificatePath { get; set; }

    public string? CertificatePassword { get; set; }

    /// <summary>Certificates replaced by <see cref="CertificatePath"/>, kept so keys they encrypted can still be read.</summary>
    public List<string> PreviousCertificatePaths { get; set; } = [];

    /// <summary>Accepts keys stored in the clear in Redis outside Development. Whoever reads Redis can then mint any token.</summary>
    public bool AllowUnencryptedKeys { get; set; }
}

internal static class DataProtectionKeys
{
    /// <summary>
    /// Tokens and cookies are sealed with ASP.NET Core's data-protection keys. In Redis mode the keys live beside grain
    /// state, at <c>{serviceId}/dataprotection/keys</c> (ASP.NET Core's own Redis key repository), so a sign-in survives a
    /// restart and holds on every node; there, outside Development, they are encrypted with a certificate, and start-up
    /// stops without one unless unencrypted keys are accepted explicitly. In memory mode they stay in memory: everything
    /// else is lost at a restart too.
    /// </summary>
    public static void AddPeerLinkDataProtection(this WebApplicationBuilder builder)
    {
        var dataProtection = builder.Services.AddDataProtection().SetApplicationName("PeerLink");
        if (PeerLinkStorage.From(builder.Configuration).IsRedis)
        {
            ProtectKeys(dataProtection, builder.Configuration.GetSection(KeyProtectionOptions.SectionName).Get<KeyProtectionOptions>() ?? new(), builder.Environment);
        }

        builder.Services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(services => new ConfigureOptions<KeyManagementOptions>(o =>
        {
            if (services.GetRequiredService<PeerLinkStorage>().RedisConnectionName is { } name)
            {
                var redis = services.GetRequiredKeyedService<IConnectionMultiplexer>(name);
                var serviceId = services.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId;
                o.XmlRepository = new RedisXmlRepository(() => redis.GetDatabase(), $"{serviceId}/dataprotection/keys");
            }
        }));
    }

    private static void ProtectKeys(IDataProtectionBuilder dataProtection, KeyProtectionOptions options, IHostEnvironment environment)
    {
        const string Section = KeyProtectionOptions.SectionName;
        if (options.CertificatePath is { Length: > 0 } path)
        {
            dataProtection.ProtectKeysWithCertificate(Load(path, options.CertificatePassword, $"{Section}:CertificatePath"));
            if (options.PreviousCertificatePaths.Count > 0)
            {
                dataProtection.UnprotectKeysWithAnyCertificate(
                    [.. options.PreviousCertificatePaths.Select((previous, i) => Load(previous, options.CertificatePassword, $"{Section}:PreviousCertificatePaths:{i}"))]);
            }
        }
        else if (!environment.IsDevelopment() && !options.AllowUnencryptedKeys)
        {
            throw new InvalidOperationException(
                $"In Redis mode the keys that seal every sign-in are kept in Redis, where whoever reads Redis or its files could mint any token. " +
                $"Set {Section}:CertificatePath to a PFX file (and {Section}:CertificatePassword) to encrypt them (README, \"Keys at rest\"), " +
                $"or set {Section}:AllowUnencryptedKeys to true to accept them in the clear.");
        }
    }

    private static X509Certificate2 Load(string path, string? password, string setting)
    {
        try
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password);
            return certificate.HasPrivateKey
                ? certificate
                : throw new InvalidOperationException($"{setting}: {path} has no private key; the keys could be encrypted but never read back.");
        }
        catch (Exception e) when (e is System.Security.Cryptography.CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"{setting}: cannot read the certificate at {path}: {e.Message}", e);
        }
    }
}
