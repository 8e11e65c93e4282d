using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using PeerLink.Grains.Matching;
using PeerLink.Grains.Safety;

namespace PeerLink.Web.Apis;

/// <summary>What pages need to know before anyone signs in: the languages spoken here, and where to turn in a crisis.</summary>
internal static class ReferenceApi
{
    public static void MapReferenceApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/languages", (IOptions<MatchingOptions> matching) => TypedResults.Ok<IReadOnlyList<string>>(matching.Value.Languages))
            .WithTags("Reference");

        // Open to everyone, signed in or not: someone in crisis must never meet a sign-in wall.
        endpoints.MapGet("/api/crisis-resources", CrisisResources).WithTags("Reference");
    }

    private static Ok<IReadOnlyList<CrisisLine>> CrisisResources(string? locale, MessageScreen screen) =>
        TypedResults.Ok(screen.ResourcesFor(string.IsNullOrWhiteSpace(locale) ? null : locale));
}
