using Microsoft.Extensions.Options;
using PeerLink.Web.Operations;

namespace PeerLink.Web.Security;

/// <summary>
/// Headers on every answer that tell a browser what PeerLink's pages may do: scripts and styles only from PeerLink's
/// own files (no inline script or style, so injected markup runs nothing), no framing by any other page, no guessing
/// of content types, and no address of a PeerLink page passed on to another site.
/// </summary>
internal sealed class SecurityHeaders(RequestDelegate next, IOptions<OperationsOptions> operations)
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// The Orleans dashboard's own script sets inline styles and its icons are a data: font. It is for admins only and
    /// shows no text a person wrote, so its pages get those two and nothing else more; scripts stay its own files only.
    /// </summary>
    public const string DashboardContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; " +
        "font-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    // A string, not a PathString: null would turn into an empty PathString, which every path starts with.
    private readonly string? dashboard = operations.Value.DashboardEnabled ? operations.Value.DashboardPath : null;

    public Task InvokeAsync(HttpContext context)
    {
        var policy = dashboard is not null && context.Request.Path.StartsWithSegments(dashboard) ? DashboardContentSecurityPolicy : ContentSecurityPolicy;
        context.Response.OnStarting(static state =>
        {
            var (context, policy) = ((HttpContext, string))state;
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = policy;
            headers.XFrameOptions = "DENY";
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            return Task.CompletedTask;
        }, (context, policy));
        return next(context);
    }
}
