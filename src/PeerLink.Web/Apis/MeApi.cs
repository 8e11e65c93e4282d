using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using PeerLink.Grains.People;
using PeerLink.Silo;
using PeerLink.Web.Auth;

namespace PeerLink.Web.Apis;

public sealed record PassphraseRequest(string? Username, string? Passphrase);

public sealed record ProfileRequest(IReadOnlyList<string>? Identities, IReadOnlyList<string>? Languages, string? TimeZone);

/// <summary>The signed-in person's own profile. Nobody reads or edits another person's here.</summary>
internal static class MeApi
{
    public static RouteGroupBuilder MapMeApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/me").WithTags("Me").RequireAuthorization();
        api.MapGet("/", GetAsync);
        api.MapPut("/profile", UpdateProfileAsync);
        api.MapPut("/passphrase", KeepAccountAsync);
        return api;
    }

    private static async Task<Ok<PersonProfile>> GetAsync(ClaimsPrincipal user, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<IPersonGrain>(user.PersonId()).GetProfile());

    private static async Task<Ok<PersonProfile>> UpdateProfileAsync(ProfileRequest request, ClaimsPrincipal user, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<IPersonGrain>(user.PersonId())
            .UpdateProfile(new ProfileUpdate(request.Identities ?? [], request.Languages ?? [], request.TimeZone ?? "UTC")));

    /// <summary>A guest keeps their account: from now on they can sign in with a username and passphrase.</summary>
    private static async Task<Ok<PersonProfile>> KeepAccountAsync(PassphraseRequest request, ClaimsPrincipal user, IGrainFactory grains, AccountProvisioner accounts)
    {
        var person = grains.GetGrain<IPersonGrain>(user.PersonId());
        if ((await person.GetProfile()).Username is { } existing)
        {
            throw new Grains.RuleViolationException("account-exists", $"You already sign in as '{existing}'.");
        }

        await accounts.AttachAsync(user.PersonId(), request.Username ?? string.Empty, request.Passphrase ?? string.Empty);
        return TypedResults.Ok(await person.GetProfile());
    }
}
