using PeerLink.Web.Apis;
using PeerLink.Web.Bench;
using PeerLink.Web.Health;
using PeerLink.Web.Operations;
using PeerLink.Web.Realtime;
using PeerLink.Web.Security;

namespace PeerLink.Web.Extensions;

internal static class EndpointExtensions
{
    public static void MapApplicationEndpoints(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UsePeerLinkSecurity();
        app.UseStatusCodePages();
        app.UseResponseCompression();
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.UseWebSockets();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.MapHealth();
        app.MapPeerLinkOperations();
        app.MapAuthApi();
        app.MapIdentitiesApi();
        app.MapReferenceApi();
        app.MapMeApi();
        app.MapConversationsApi();
        app.MapGroupsApi();
        app.MapAdminApi();
        app.MapModerationApi();
        app.MapPeerLinkHub();
        app.MapBenchEndpoints();
    }
}
