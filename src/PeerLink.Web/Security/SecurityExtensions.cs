using PeerLink.Silo.Hosting;
using StackExchange.Redis;

namespace PeerLink.Web.Security;

internal static class SecurityExtensions
{
    public static void AddPeerLinkSecurity(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<SecurityOptions>().BindConfiguration(SecurityOptions.SectionName)
            .Validate(o => o.AllowedOrigins.All(IsOrigin), $"{SecurityOptions.SectionName}:AllowedOrigins are origins such as \"https://peerlink.example\": a scheme, a host and an optional port, nothing after.")
            .ValidateOnStart();
        builder.Services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = true;
        });

        // The nodes of a cluster count limits together, on the connection Orleans clusters through.
        var serviceId = builder.Configuration["Orleans:ServiceId"] ?? PeerLinkConfiguration.DefaultServiceId;
        var redis = PeerLinkStorage.ClusterConnectionName(builder.Configuration);
        builder.Services.AddSingleton(sp => new RateLimitStore(redis is null ? null : sp.GetRequiredKeyedService<IConnectionMultiplexer>(redis), serviceId));
    }

    /// <summary>Outermost, after error handling: every answer carries the headers, and a foreign origin goes no further.</summary>
    public static void UsePeerLinkSecurity(this WebApplication app)
    {
        app.UseMiddleware<SecurityHeaders>();
        if (!app.Environment.IsDevelopment())
        {
            // Only over HTTPS, and never for localhost: a browser that once saw it would refuse plain HTTP there.
            app.UseHsts();
        }

        app.UseMiddleware<OriginCheck>();
    }

    private static bool IsOrigin(string origin) => SecurityOptions.Normalize(origin) is not null;
}
