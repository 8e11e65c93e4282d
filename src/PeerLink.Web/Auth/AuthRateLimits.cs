using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using PeerLink.Web.Security;

namespace PeerLink.Web.Auth;

public sealed class SignInLimitOptions
{
    public const string SectionName = "PeerLink:Limits";

    /// <summary>Sign-in requests one client address may make a minute. Raise it only for a load run from one address.</summary>
    public int SignInsPerMinute { get; set; } = 10;
}

/// <summary>
/// Sign-in is where passwords get guessed and guest accounts get mass-made: ten tries a minute per address by default,
/// counted over the whole cluster (<see cref="RateLimitStore"/>).
/// </summary>
internal static class AuthRateLimits
{
    public const string Policy = "auth";

    public static void AddAuthRateLimits(this IServiceCollection services)
    {
        services.AddOptions<SignInLimitOptions>().BindConfiguration(SignInLimitOptions.SectionName)
            .Validate(o => o.SignInsPerMinute > 0, $"{SignInLimitOptions.SectionName}:SignInsPerMinute must be at least 1.").ValidateOnStart();
        services.AddSingleton(sp => new SignInLimiters(sp.GetRequiredService<RateLimitStore>()
            .SlidingWindow("sign-ins", sp.GetRequiredService<IOptions<SignInLimitOptions>>().Value.SignInsPerMinute, TimeSpan.FromMinutes(1), segments: 6)));
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (context, cancellationToken) =>
            {
                var problems = context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>();
                await problems.WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context.HttpContext,
                    ProblemDetails =
                    {
                        Status = StatusCodes.Status429TooManyRequests,
                        Title = context.HttpContext.Request.Path.StartsWithSegments("/api/auth") ? "Too many sign-in attempts." : "Too many changes in a minute.",
                        Detail = "Wait a minute, then try again.",
                        Extensions = { ["code"] = "rate-limited" },
                    },
                });
            };
            o.AddPolicy(Policy, http => RateLimitPartition.Get(
                http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                http.RequestServices.GetRequiredService<SignInLimiters>().Create));
        });
    }

    private sealed record SignInLimiters(Func<string, RateLimiter> Create);
}
