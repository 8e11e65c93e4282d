using PeerLink.Web.Health;

namespace PeerLink.Web.Extensions;

internal static class EndpointExtensions
{
    public static void MapApplicationEndpoints(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.MapHealth();
    }
}
