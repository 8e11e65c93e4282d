using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Options;
using PeerLink.Silo.Hosting;
using PeerLink.Silo.Storage.Redis;
using PeerLink.Grains.People;

namespace PeerLink.Web.Auth;

internal static class AuthenticationExtensions
{
    public static void AddPeerLinkAuthentication(this WebApplicationBuilder builder)
    {
        builder.Services.AddAuthentication(PeerLinkAuth.Scheme)
            .AddPolicyScheme(PeerLinkAuth.Scheme, "Bearer token or cookie", o => o.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                || context.Request.Query.ContainsKey("access_token")
                    ? PeerLinkAuth.BearerScheme
                    : PeerLinkAuth.CookieScheme)
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
        builder.Services.AddDataProtection().SetApplicationName("PeerLink");
        builder.Services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(services => new ConfigureOptions<KeyManagementOptions>(o =>
        {
            // Only in Redis mode: in memory mode everything else is lost at a restart anyway.
            if (services.GetService<RedisConnection>() is { } redis)
            {
                o.XmlRepository = new RedisXmlRepository(redis, services.GetRequiredService<IOptions<SiloOptions>>().Value.ServiceId);
            }
        }));
        builder.Services.AddSingleton<TokenIssuer>();
        builder.Services.AddSingleton<AccountProvisioner>();
        builder.Services.AddAuthRateLimits();
        builder.Services.AddOptions<AdminOptions>().BindConfiguration(AdminOptions.SectionName);
        builder.Services.AddHostedService<FirstAdminSeeder>();
    }

    private static Task Status(HttpResponse response, int status)
    {
        response.StatusCode = status;
        return Task.CompletedTask;
    }
}
