using Microsoft.AspNetCore.Http.HttpResults;
using PeerLink.Grains.Accounts;
using PeerLink.Grains.People;
using PeerLink.Silo;
using PeerLink.Web.Auth;

namespace PeerLink.Web.Apis;

public sealed record GuestRequest(string? Pseudonym);

public sealed record LoginRequest(string? Username, string? Password);

/// <summary>Sign-in: seekers as pseudonymous guests, everyone else with a username and password.</summary>
internal static class AuthApi
{
    public static RouteGroupBuilder MapAuthApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/auth").WithTags("Auth").RequireRateLimiting(AuthRateLimits.Policy);
        api.MapPost("/guest", GuestAsync);
        api.MapPost("/login", LoginAsync);
        return api;
    }

    /// <summary>A seeker starts with a pseudonym only: no email, no phone, no password.</summary>
    private static async Task<Ok<SignedIn>> GuestAsync(GuestRequest request, IGrainFactory grains, TokenIssuer tokens, HttpContext context)
    {
        var person = await grains.GetGrain<IPersonGrain>(Guid.NewGuid().ToString("N")).Register(request.Pseudonym ?? string.Empty, Role.Seeker);
        return TypedResults.Ok(await tokens.SignInAsync(context, person));
    }

    private static async Task<Results<Ok<SignedIn>, ProblemHttpResult>> LoginAsync(LoginRequest request, IGrainFactory grains, TokenIssuer tokens, HttpContext context)
    {
        var username = Credentials.Username(request.Username);
        var credentials = await grains.GetGrain<IAccountGrain>(username).GetCredentials();
        if (credentials is null
            || !Credentials.Verify(username, credentials.PasswordHash, request.Password ?? string.Empty))
        {
            // The same answer for an unknown name and a wrong password, so neither can be probed.
            return TypedResults.Problem("Unknown username or wrong password.", statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed");
        }

        var person = await grains.GetGrain<IPersonGrain>(credentials.PersonId).GetProfile();
        return TypedResults.Ok(await tokens.SignInAsync(context, person));
    }
}
