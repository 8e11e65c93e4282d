using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using PeerLink.Grains.People;

namespace PeerLink.Web.Auth;

/// <summary>
/// PeerLink's one authentication scheme. It reads the bearer token (API and hub clients) or the cookie (browsers),
/// then asks the person's grain whether the session they name is still open and what roles the person has now, and
/// the request runs with those. Roles are read, not remembered: a demoted admin is a seeker on their very next
/// request, and a signed-out or deleted person is not signed in at all (401). The grain is one per person in the
/// whole cluster, so every node gets the same answer at once; the cost is one grain call per request
/// (BENCHMARKS.md, "Authorization").
/// </summary>
internal sealed class CurrentAccessHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, IGrainFactory grains)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var scheme = SchemeFor(Request);
        var sealedIn = await Context.AuthenticateAsync(scheme);
        if (!sealedIn.Succeeded)
        {
            return sealedIn.None ? AuthenticateResult.NoResult() : AuthenticateResult.Fail(sealedIn.Failure!);
        }

        // A token from before sessions existed names none, and is not honoured.
        var principal = sealedIn.Principal;
        if (principal.FindFirstValue(ClaimTypes.NameIdentifier) is not { } personId || principal.SessionId() is not { } sessionId)
        {
            return await EndedAsync(scheme, "This sign-in is from an earlier version. Sign in again.");
        }

        var access = await grains.GetGrain<IPersonGrain>(personId).GetAccess(sessionId);
        if (!access.SessionOpen)
        {
            return await EndedAsync(scheme, "This session has been signed out. Sign in again.");
        }

        var current = PeerLinkAuth.Principal(personId, principal.Identity?.Name ?? string.Empty, sessionId, access.Roles);
        return AuthenticateResult.Success(new AuthenticationTicket(current, sealedIn.Properties, Scheme.Name));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) => Context.ChallengeAsync(SchemeFor(Request), properties);

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) => Context.ForbidAsync(SchemeFor(Request), properties);

    /// <summary>Bearer tokens for API and hub clients (in the header, or in the query for WebSockets); the cookie for browsers.</summary>
    private static string SchemeFor(HttpRequest request) =>
        request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) || request.Query.ContainsKey("access_token")
            ? PeerLinkAuth.BearerScheme
            : PeerLinkAuth.CookieScheme;

    private async Task<AuthenticateResult> EndedAsync(string scheme, string why)
    {
        // A browser's cookie that names an ended session is of no more use: clear it.
        if (scheme == PeerLinkAuth.CookieScheme && !Response.HasStarted)
        {
            await Context.SignOutAsync(PeerLinkAuth.CookieScheme);
        }

        return AuthenticateResult.Fail(why);
    }
}
