namespace PeerLink.Web.Security;

/// <summary>"PeerLink:Security": who else may drive PeerLink from a browser.</summary>
public sealed class SecurityOptions
{
    public const string SectionName = "PeerLink:Security";

    /// <summary>
    /// Origins besides the site's own (scheme, host and port, such as "https://peerlink.example") whose pages may open
    /// the hub or send requests that change something. Empty by default: only PeerLink's own pages may.
    /// </summary>
    public List<string> AllowedOrigins { get; set; } = [];

    /// <summary>An origin as a browser sends it ("https://host" or "https://host:port"), or null if it is not one.</summary>
    public static string? Normalize(string origin) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" && uri.AbsolutePath == "/" && uri.Query.Length == 0 && uri.Fragment.Length == 0
            ? uri.GetLeftPart(UriPartial.Authority)
            : null;
}
