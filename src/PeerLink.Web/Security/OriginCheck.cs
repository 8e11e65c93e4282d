using Microsoft.Extensions.Options;

namespace PeerLink.Web.Security;

/// <summary>
/// Browsers send the sign-in cookie with every request to this site, including from another origin of the same site
/// (another port of the same host), which SameSite=Strict does not stop. So a browser request that opens the hub, or
/// changes something, must come from PeerLink's own origin or one configured in PeerLink:Security:AllowedOrigins; any
/// other answers 403 with the code "origin-not-allowed". A browser always says where a WebSocket or a cross-origin
/// request comes from (Origin); clients that are not browsers send none, and carry a bearer token instead of a cookie.
/// </summary>
internal sealed class OriginCheck(RequestDelegate next, IOptions<SecurityOptions> options)
{
    private readonly HashSet<string> allowed = new(options.Value.AllowedOrigins.Select(o => SecurityOptions.Normalize(o)!), StringComparer.OrdinalIgnoreCase);

    public Task InvokeAsync(HttpContext context, IProblemDetailsService problems)
    {
        var request = context.Request;
        if (request.Headers.Origin is not [{ } origin] || !Guarded(request) || IsAllowed(origin, request))
        {
            return next(context);
        }

        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        return problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails =
            {
                Status = StatusCodes.Status403Forbidden,
                Title = "This page may not do that.",
                Detail = "Requests that open the live connection or change something must come from PeerLink's own pages.",
                Extensions = { ["code"] = "origin-not-allowed" },
            },
        }).AsTask();
    }

    // The hub (negotiate and the WebSocket itself) and everything that is not a plain read.
    private static bool Guarded(HttpRequest request) =>
        request.Path.StartsWithSegments("/hubs") || !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method));

    private bool IsAllowed(string origin, HttpRequest request) =>
        string.Equals(origin, $"{request.Scheme}://{request.Host}", StringComparison.OrdinalIgnoreCase) || allowed.Contains(origin);
}
