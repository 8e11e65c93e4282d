namespace PeerLink.Web.Auth;

/// <summary>The first admin's sign-in, from "PeerLink:Admin". Without both values no admin is created.</summary>
public sealed class AdminOptions
{
    public const string SectionName = "PeerLink:Admin";

    public string? Username { get; set; }

    public string? Password { get; set; }
}
