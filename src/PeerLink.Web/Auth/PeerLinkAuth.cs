using System.Security.Claims;
using PeerLink.Grains.People;

namespace PeerLink.Web.Auth;

/// <summary>The schemes, roles and claims PeerLink signs people in with.</summary>
public static class PeerLinkAuth
{
    /// <summary>Picks bearer tokens for API and hub clients and the cookie for browsers.</summary>
    public const string Scheme = "PeerLink";
    public const string BearerScheme = "PeerLink.Bearer";
    public const string CookieScheme = "PeerLink.Cookie";

    public static ClaimsPrincipal Principal(PersonProfile person)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, person.PersonId),
            new(ClaimTypes.Name, person.Pseudonym),
        };
        claims.AddRange(Enum.GetValues<Role>()
            .Where(r => r != Role.None && person.Roles.HasFlag(r))
            .Select(r => new Claim(ClaimTypes.Role, r.ToString())));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme));
    }

    public static string PersonId(this ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("The request is not signed in.");
}
