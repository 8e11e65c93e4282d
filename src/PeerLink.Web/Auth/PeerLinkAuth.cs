using System.Security.Claims;
using PeerLink.Grains.People;

namespace PeerLink.Web.Auth;

/// <summary>The schemes, roles and claims PeerLink signs people in with.</summary>
public static class PeerLinkAuth
{
    /// <summary>Reads a bearer token or the cookie, then the person's current access (<see cref="CurrentAccessHandler"/>).</summary>
    public const string Scheme = "PeerLink";
    public const string BearerScheme = "PeerLink.Bearer";
    public const string CookieScheme = "PeerLink.Cookie";

    /// <summary>The sign-in session a token or cookie belongs to (see IPersonGrain.StartSession).</summary>
    public const string SessionClaim = "peerlink:session";

    /// <summary>
    /// The person as signed in. The roles here are only what the person had at the time: every request and hub call
    /// replaces them with the roles the person has now (<see cref="CurrentAccessHandler"/>).
    /// </summary>
    public static ClaimsPrincipal Principal(string personId, string pseudonym, string sessionId, Role roles)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, personId),
            new(ClaimTypes.Name, pseudonym),
            new(SessionClaim, sessionId),
        };
        claims.AddRange(Enum.GetValues<Role>()
            .Where(r => r != Role.None && roles.HasFlag(r))
            .Select(r => new Claim(ClaimTypes.Role, r.ToString())));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme));
    }

    public static string PersonId(this ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("The request is not signed in.");

    public static string? SessionId(this ClaimsPrincipal user) => user.FindFirstValue(SessionClaim);
}
