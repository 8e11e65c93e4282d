using PeerLink.Grains;
using PeerLink.Silo.Hosting;
using PeerLink.Web.Health;

namespace PeerLink.Web.Extensions;

internal static class ApplicationServiceExtensions
{
    /// <summary>Co-hosts the silo with storage chosen by "PeerLink:Storage" (Memory unless told otherwise).</summary>
    public static void AddApplicationServices(this WebApplicationBuilder builder)
    {
        var storage = builder.Configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>() ?? new StorageOptions();
        builder.Services.AddPeerLinkSilo()
            .AddPeerLinkGrains()
            .UseStorage(storage);

        builder.Services.AddProblemDetails();
        builder.Services.AddHealthChecks().AddCheck<StorageHealthCheck>("storage");
    }
}
