using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.Extensions.Options;
using PeerLink.Grains.People;

namespace PeerLink.Web.Auth;

/// <summary>
/// Issues the framework's own bearer tokens (data-protected tickets), so the body can be PeerLink's
/// <c>{ personId, token }</c>. Browsers also get the sign-in cookie.
/// </summary>
public sealed class TokenIssuer(IOptionsMonitor<BearerTokenOptions> bearerOptions, TimeProvider time)
{
    public async Task<SignedIn> SignInAsync(HttpContext context, PersonProfile person)
    {
        var principal = PeerLinkAuth.Principal(person);
        var options = bearerOptions.Get(PeerLinkAuth.BearerScheme);
        var properties = new AuthenticationProperties { ExpiresUtc = time.GetUtcNow() + options.BearerTokenExpiration };
        var token = options.BearerTokenProtector.Protect(new AuthenticationTicket(principal, properties, PeerLinkAuth.BearerScheme));
        await context.SignInAsync(PeerLinkAuth.CookieScheme, principal);
        return new SignedIn(person.PersonId, token);
    }
}

public sealed record SignedIn(string PersonId, string Token);
