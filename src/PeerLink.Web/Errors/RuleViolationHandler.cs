using Microsoft.AspNetCore.Diagnostics;
using PeerLink.Grains;

namespace PeerLink.Web.Errors;

/// <summary>
/// Turns a broken product rule into a ProblemDetails answer with the rule's stable code, so clients can
/// react and people read why. The grain changed nothing when it refused.
/// </summary>
internal sealed class RuleViolationHandler(IProblemDetailsService problems) : IExceptionHandler
{
    // Rules about a thing that is not there, and about things that belong to others; every other refusal is bad input.
    private static readonly HashSet<string> NotFoundCodes = ["person-unknown", "conversation-unknown", "group-unknown"];
    private static readonly HashSet<string> ForbiddenCodes = ["not-a-participant", "not-a-member", "not-an-admin", "not-a-moderator", "forbidden"];

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not RuleViolationException violation)
        {
            return false;
        }

        httpContext.Response.StatusCode = NotFoundCodes.Contains(violation.Code) ? StatusCodes.Status404NotFound
            : ForbiddenCodes.Contains(violation.Code) ? StatusCodes.Status403Forbidden
            : StatusCodes.Status400BadRequest;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails =
            {
                Status = httpContext.Response.StatusCode,
                Title = "The request breaks a rule.",
                Detail = violation.Message,
                Extensions = { ["code"] = violation.Code },
            },
        });
    }
}
