using System.Text.Json;
using System.Text.Json.Serialization;
using PeerLink.Silo.Hosting;
using PeerLink.Web.Auth;
using PeerLink.Web.Demo;
using PeerLink.Web.Errors;
using Orleans.Dashboard;
using PeerLink.Web.Health;
using PeerLink.Web.Operations;
using PeerLink.Web.Realtime;
using PeerLink.Web.Security;

namespace PeerLink.Web.Extensions;

internal static class ApplicationServiceExtensions
{
    /// <summary>
    /// Co-hosts a silo with PeerLink's grains, configured by the "Orleans" section (in memory unless told otherwise), or
    /// with PeerLink:Web:SiloMode=Client reaches dedicated silos as an Orleans client.
    /// </summary>
    public static void AddApplicationServices(this WebApplicationBuilder builder)
    {
        var dashboard = builder.Configuration.GetValue<bool>($"{OperationsOptions.SectionName}:{nameof(OperationsOptions.DashboardEnabled)}");
        if (SiloModes.Read(builder.Configuration) == SiloMode.Client)
        {
            if (dashboard)
            {
                throw new InvalidOperationException(
                    $"{OperationsOptions.SectionName}:DashboardEnabled needs a silo in this process, and with {SiloModes.Key}=Client there is none. Turn it off on this node.");
            }

            builder.AddPeerLinkClient();
        }
        else
        {
            builder.AddPeerLinkSilo(silo =>
            {
                // The dashboard's collector profiles every grain call, so it runs only where an operator asked for it.
                if (dashboard)
                {
                    silo.AddDashboard();
                }
            });
        }

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
        builder.Services.AddExceptionHandler<BadRequestHandler>();
        builder.Services.AddExceptionHandler<OutageHandler>();
        builder.AddPeerLinkAuthentication();
        builder.AddPeerLinkSecurity();
        builder.AddPeerLinkRealtime();
        builder.AddPeerLinkDemo();
        builder.Services.AddHealthChecks().AddCheck<StorageHealthCheck>("storage", tags: [OperationsExtensions.ReadyTag]);
        builder.AddPeerLinkOperations();
    }
}
