using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace PeerLink.Web.Auth;

/// <summary>Sign-in is where passwords get guessed and guest accounts get mass-made: ten tries a minute per address.</summary>
internal static class AuthRateLimits
{
    public const string Policy = "auth";
    public const int PermitsPerMinute = 10;

    public static void AddAuthRateLimits(this IServiceCollection services) =>
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (context, cancellationToken) =>
            {
                var problems = context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>();
                await problems.WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context.HttpContext,
                    ProblemDetails = { Status = StatusCodes.Status429TooManyRequests, Title = "Too many sign-in attempts.", Detail = "Wait a minute, then try again." },
                });
            };
            o.AddPolicy(Policy, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = PermitsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });
}
