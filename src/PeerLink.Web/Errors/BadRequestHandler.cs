using Microsoft.AspNetCore.Diagnostics;

namespace PeerLink.Web.Errors;

/// <summary>
/// A request ASP.NET Core could not read (a body that is not JSON, or not of the expected shape, a parameter of
/// the wrong type) is the caller's mistake: 400 with the code "request-invalid", never the 500 the exception
/// handler would give it. Minimal APIs throw these in Development and answer 400 themselves elsewhere; this makes
/// both the same, with a body a client can read.
/// </summary>
internal sealed class BadRequestHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad)
        {
            return false;
        }

        httpContext.Response.StatusCode = bad.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails =
            {
                Status = bad.StatusCode,
                Title = "The request could not be read.",
                Detail = bad.Message,
                Extensions = { ["code"] = "request-invalid" },
            },
        });
    }
}
