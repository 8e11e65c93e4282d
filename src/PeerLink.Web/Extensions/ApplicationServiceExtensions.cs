using System.Text.Json;
using System.Text.Json.Serialization;
using PeerLink.Grains;
using PeerLink.Silo.Hosting;
using PeerLink.Web.Auth;
using PeerLink.Web.Demo;
using PeerLink.Web.Errors;
using PeerLink.Web.Health;
using PeerLink.Web.Realtime;

namespace PeerLink.Web.Extensions;

internal static class ApplicationServiceExtensions
{
    /// <summary>Co-hosts the silo with storage chosen by "PeerLink:Storage" (Memory unless told otherwise).</summary>
    public static void AddApplicationServices(this WebApplicationBuilder builder)
    {
        builder.AddDefaultsFile("safety.json");
        var storage = builder.Configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>() ?? new StorageOptions();
        builder.Services.AddPeerLinkSilo()
            .AddPeerLinkGrains()
            .UseStorage(storage);

        // The API speaks camelCase JSON with enums as words ("seeker"), never as numbers.
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase)));
        builder.Services.AddProblemDetails();

        // Pages and scripts only: API answers carry tokens and personal text, and compressing secrets
        // next to attacker-chosen text is how BREACH-style attacks read them.
        builder.Services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.MimeTypes = ["text/html", "text/css", "text/javascript", "application/javascript", "image/svg+xml"];
        });
        builder.Services.AddExceptionHandler<RuleViolationHandler>();
        builder.AddPeerLinkAuthentication();
        builder.AddPeerLinkRealtime();
        builder.AddPeerLinkDemo();
        builder.Services.AddHealthChecks().AddCheck<StorageHealthCheck>("storage");
    }
}
