namespace PeerLink.Web.Demo;

/// <summary>"PeerLink:Demo": a ready-to-try deployment with known accounts and a few rooms. Never for real use.</summary>
public sealed class DemoOptions
{
    public const string SectionName = "PeerLink:Demo";

    public bool Seed { get; set; }

    /// <summary>The password of every demo account; required when <see cref="Seed"/> is on.</summary>
    public string? Password { get; set; }
}
