using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace PeerLink.Testing;

/// <summary>A self-signed certificate with its private key, written as a PFX file, as an operator would make one with openssl.</summary>
public sealed class TestCertificate : IDisposable
{
    private readonly DirectoryInfo directory = Directory.CreateTempSubdirectory("peerlink-cert-");

    public TestCertificate(string subject = "CN=PeerLink data protection (test)")
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest(subject, rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        Path = System.IO.Path.Combine(directory.FullName, "data-protection.pfx");
        File.WriteAllBytes(Path, certificate.Export(X509ContentType.Pfx, Password));
    }

    public string Path { get; }

    public string Password { get; } = RandomNumberGenerator.GetHexString(16);

    public void Dispose() => directory.Delete(recursive: true);
}
