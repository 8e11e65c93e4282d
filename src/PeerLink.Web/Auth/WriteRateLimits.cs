using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using PeerLink.Web.Security;

namespace PeerLink.Web.Auth;

public sealed class WriteLimitOptions
{
    public const string SectionName = "PeerLink:Limits";

    /// <summary>API requests that change something (anything but GET and HEAD) one person may make a minute; per address for someone not signed in.</summary>
    public int WritesPerMinute { get; set; } = 60;
}

/// <summary>
/// A ceiling on every API request that writes, per person, so nothing that changes state can be repeated without
/// end, whatever limit of its own it has or lacks. Reads are not limited here. Counted over the whole cluster
/// (<see cref="RateLimitStore"/>).
/// </summary>
internal static class WriteRateLimits
{
    public static void AddWriteRateLimits(this IServiceCollection services)
    {
        services.AddOptions<WriteLimitOptions>().BindConfiguration(WriteLimitOptions.SectionName)
            .Validate(o => o.WritesPerMinute > 0, $"{WriteLimitOptions.SectionName}:WritesPerMinute must be at least 1.").ValidateOnStart();
        services.AddSingleton(sp => new WriteLimiters(sp.GetRequiredService<RateLimitStore>()
            .SlidingWindow("writes", sp.GetRequiredService<IOptions<WriteLimitOptions>>().Value.WritesPerMinute, TimeSpan.FromMinutes(1), segments: 6)));
        services.AddRateLimiter(o => o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
        {
            // Sign-in keeps its own, stricter limit per address (AuthRateLimits).
            if (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method)
                || !http.Request.Path.StartsWithSegments("/api") || http.Request.Path.StartsWithSegments("/api/auth"))
            {
                return RateLimitPartition.GetNoLimiter(string.Empty);
            }

            var who = http.User.Identity?.IsAuthenticated == true ? $"person:{http.User.PersonId()}" : $"address:{http.Connection.RemoteIpAddress}";
            return RateLimitPartition.Get(who, http.RequestServices.GetRequiredService<WriteLimiters>().Create);
        }));
    }

    private sealed record WriteLimiters(Func<string, RateLimiter> Create);
}
