using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;
using PeerLink.Grains.People;

namespace PeerLink.Web.Auth;

internal static class AuthenticationExtensions
{
    public static void AddPeerLinkAuthentication(this WebApplicationBuilder builder)
    {
        builder.Services.AddAuthentication(PeerLinkAuth.Scheme)
            .AddScheme<AuthenticationSchemeOptions, CurrentAccessHandler>(PeerLinkAuth.Scheme, "Current access, from a bearer token or cookie", configureOptions: null)
            .AddBearerToken(PeerLinkAuth.BearerScheme, o =>
            {
                o.BearerTokenExpiration = TimeSpan.FromHours(12);

                // WebSockets cannot carry headers from a browser, so hub clients send the token in the query.
                o.Events.OnMessageReceived = context =>
                {
                    if (context.Request.Path.StartsWithSegments("/hubs") && context.Request.Query["access_token"] is [{ } token])
                    {
                        context.Token = token;
                    }

                    return Task.CompletedTask;
                };
            })
            .AddCookie(PeerLinkAuth.CookieScheme, o =>
            {
                o.Cookie.Name = "peerlink";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;

                // Secure whenever the sign-in came over HTTPS, as it does behind any real deployment's TLS.
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.ExpireTimeSpan = TimeSpan.FromHours(12);
                o.SlidingExpiration = true;

                // An API answers with status codes, never with a redirect to a login page.
                o.Events = new CookieAuthenticationEvents
                {
                    OnRedirectToLogin = context => Status(context.Response, StatusCodes.Status401Unauthorized),
                    OnRedirectToAccessDenied = context => Status(context.Response, StatusCodes.Status403Forbidden),
                };
            });
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(nameof(Role.Peer), p => p.RequireRole(nameof(Role.Peer)))
            .AddPolicy(nameof(Role.Moderator), p => p.RequireRole(nameof(Role.Moderator)))
            .AddPolicy(nameof(Role.Admin), p => p.RequireRole(nameof(Role.Admin)));
        builder.AddPeerLinkDataProtection();
        builder.Services.AddSingleton<TokenIssuer>();
        builder.Services.AddSingleton<AccountProvisioner>();
        builder.Services.AddAuthRateLimits();
        builder.Services.AddWriteRateLimits();
        builder.Services.AddOptions<AdminOptions>().BindConfiguration(AdminOptions.SectionName);
        builder.Services.AddHostedService<FirstAdminSeeder>();
    }

    private static Task Status(HttpResponse response, int status)
    {
        response.StatusCode = status;
        return Task.CompletedTask;
    }
}
