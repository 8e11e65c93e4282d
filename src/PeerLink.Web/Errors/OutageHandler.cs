using Microsoft.AspNetCore.Diagnostics;

namespace PeerLink.Web.Errors;

/// <summary>
/// Answers 503 with a stable code when storage or the grain runtime is out (see <see cref="Outage"/>), instead of a
/// 500: the request was fine and can be sent again once the service has recovered by itself.
/// </summary>
internal sealed class OutageHandler(IProblemDetailsService problems, ILogger<OutageHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (Outage.Of(exception) is not { } outage)
        {
            return false;
        }

        logger.LogWarning("{Method} {Path} refused during an outage: {Code}: {Error}", httpContext.Request.Method, httpContext.Request.Path, outage.Code, exception.Message);
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = "5";
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails =
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "PeerLink is briefly unavailable.",
                Detail = outage.Message,
                Extensions = { ["code"] = outage.Code },
            },
        });
    }
}
