using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using PeerLink.Grains;
using PeerLink.Grains.People;
using PeerLink.Grains.Privacy;
using Orleans;
using PeerLink.Web.Auth;

namespace PeerLink.Web.Apis;

public sealed record PassphraseRequest(string? Username, string? Passphrase);

public sealed record ProfileRequest(IReadOnlyList<string>? Identities, IReadOnlyList<string>? Languages, string? TimeZone);

/// <param name="Confirm">Must be exactly <see cref="MeApi.DeleteConfirmation"/>, so no stray request deletes an account.</param>
public sealed record DeleteAccountRequest(string? Confirm);

/// <summary>The signed-in person's own profile and data. Nobody reads, edits or deletes another person's here.</summary>
internal static class MeApi
{
    public const string DeleteConfirmation = "delete my account";

    public static RouteGroupBuilder MapMeApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/me").WithTags("Me").RequireAuthorization();
        api.MapGet("/", GetAsync);
        api.MapPut("/profile", UpdateProfileAsync);
        api.MapPut("/passphrase", KeepAccountAsync);
        api.MapGet("/export", ExportAsync);
        api.MapDelete("/", DeleteAsync);
        return api;
    }

    private static async Task<Ok<PersonProfile>> GetAsync(ClaimsPrincipal user, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<IPersonGrain>(user.PersonId()).GetProfile());

    /// <summary>The whole profile at once: a field left out is refused rather than read as "clear it".</summary>
    private static async Task<Ok<PersonProfile>> UpdateProfileAsync(ProfileRequest request, ClaimsPrincipal user, IGrainFactory grains) =>
        request is { Identities: { } identities, Languages: { } languages, TimeZone: { } timeZone }
            ? TypedResults.Ok(await grains.GetGrain<IPersonGrain>(user.PersonId()).UpdateProfile(new ProfileUpdate(identities, languages, timeZone)))
            : throw new RuleViolationException("profile-incomplete", "A profile names its identities (the list may be empty), its languages and its time zone.");

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

    /// <summary>Everything PeerLink holds about me, to download; other people's words are never in it.</summary>
    private static async Task<Ok<PersonExport>> ExportAsync(ClaimsPrincipal user, IGrainFactory grains, HttpContext context)
    {
        var export = await grains.GetGrain<IPersonGrain>(user.PersonId()).Export();
        context.Response.Headers.ContentDisposition = "attachment; filename=\"peerlink-export.json\"";
        return TypedResults.Ok(export);
    }

    /// <summary>Deletes my account and the words of every message I wrote, then signs this browser out.</summary>
    private static async Task<NoContent> DeleteAsync(
        [FromBody(EmptyBodyBehavior = Microsoft.AspNetCore.Mvc.ModelBinding.EmptyBodyBehavior.Allow)] DeleteAccountRequest? request,
        ClaimsPrincipal user,
        IGrainFactory grains,
        HttpContext context)
    {
        if (request?.Confirm != DeleteConfirmation)
        {
            throw new RuleViolationException("confirmation-required", $"To delete your account for good, send {{ \"confirm\": \"{DeleteConfirmation}\" }}.");
        }

        await grains.GetGrain<IPersonGrain>(user.PersonId()).DeleteAccount();
        await context.SignOutAsync(PeerLinkAuth.CookieScheme);
        return TypedResults.NoContent();
    }
}
