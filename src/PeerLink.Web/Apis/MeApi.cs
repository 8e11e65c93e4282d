using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using PeerLink.Grains.People;
using PeerLink.Silo;
using PeerLink.Web.Auth;

namespace PeerLink.Web.Apis;

public sealed record ProfileRequest(IReadOnlyList<string>? Identities, IReadOnlyList<string>? Languages, string? TimeZone);

/// <summary>The signed-in person's own profile. Nobody reads or edits another person's here.</summary>
internal static class MeApi
{
    public static RouteGroupBuilder MapMeApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/me").WithTags("Me").RequireAuthorization();
        api.MapGet("/", GetAsync);
        api.MapPut("/profile", UpdateProfileAsync);
        return api;
    }

    private static async Task<Ok<PersonProfile>> GetAsync(ClaimsPrincipal user, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<IPersonGrain>(user.PersonId()).GetProfile());

    private static async Task<Ok<PersonProfile>> UpdateProfileAsync(ProfileRequest request, ClaimsPrincipal user, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<IPersonGrain>(user.PersonId())
            .UpdateProfile(new ProfileUpdate(request.Identities ?? [], request.Languages ?? [], request.TimeZone ?? "UTC")));
}
