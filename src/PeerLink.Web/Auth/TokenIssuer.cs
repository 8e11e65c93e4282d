using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.Extensions.Options;
using PeerLink.Grains.People;

namespace PeerLink.Web.Auth;

/// <summary>
/// Signs a person in: opens a session in their grain, then issues the framework's own bearer token (a data-protected
/// ticket) naming it, so the body can be PeerLink's <c>{ personId, token }</c>. Browsers also get the sign-in cookie.
/// </summary>
public sealed class TokenIssuer(IOptionsMonitor<BearerTokenOptions> bearerOptions, IGrainFactory grains, TimeProvider time)
{
    /// <summary>
    /// How long a session stays open at most. The token lasts 12 hours and the browser's cookie slides; both end the
    /// moment the session is signed out, and neither outlives it.
    /// </summary>
    public static readonly TimeSpan SessionLifetime = TimeSpan.FromDays(30);

    public async Task<SignedIn> SignInAsync(HttpContext context, PersonProfile person)
    {
        var now = time.GetUtcNow();
        var sessionId = await grains.GetGrain<IPersonGrain>(person.PersonId).StartSession(now + SessionLifetime);
        var principal = PeerLinkAuth.Principal(person.PersonId, person.Pseudonym, sessionId, person.Roles);
        var options = bearerOptions.Get(PeerLinkAuth.BearerScheme);
        var properties = new AuthenticationProperties { ExpiresUtc = now + options.BearerTokenExpiration };
        var token = options.BearerTokenProtector.Protect(new AuthenticationTicket(principal, properties, PeerLinkAuth.BearerScheme));
        await context.SignInAsync(PeerLinkAuth.CookieScheme, principal);
        return new SignedIn(person.PersonId, token);
    }
}

public sealed record SignedIn(string PersonId, string Token);
