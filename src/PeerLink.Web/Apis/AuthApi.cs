using Microsoft.AspNetCore.Http.HttpResults;
using PeerLink.Grains;
using PeerLink.Grains.Accounts;
using PeerLink.Grains.Invites;
using PeerLink.Grains.People;
using PeerLink.Silo;
using PeerLink.Web.Auth;
using PeerLink.Web.Errors;

namespace PeerLink.Web.Apis;

public sealed record GuestRequest(string? Pseudonym);

public sealed record LoginRequest(string? Username, string? Password);

public sealed record RegisterRequest(string? InviteCode, string? Username, string? Password, string? Pseudonym);

/// <summary>Sign-in: seekers as pseudonymous guests, everyone else with a username and password.</summary>
internal static class AuthApi
{
    public static RouteGroupBuilder MapAuthApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/auth").WithTags("Auth").RequireRateLimiting(AuthRateLimits.Policy);
        api.MapPost("/guest", GuestAsync);
        api.MapPost("/login", LoginAsync);
        api.MapPost("/register", RegisterAsync);
        return api;
    }

    /// <summary>A seeker starts with a pseudonym only: no email, no phone, no password.</summary>
    private static async Task<Ok<SignedIn>> GuestAsync(GuestRequest request, IGrainFactory grains, TokenIssuer tokens, HttpContext context)
    {
        var person = await grains.GetGrain<IPersonGrain>(Guid.NewGuid().ToString("N")).Register(request.Pseudonym ?? string.Empty, Role.Seeker);
        return TypedResults.Ok(await tokens.SignInAsync(context, person));
    }

    /// <summary>A new peer or moderator redeems an admin's invite code and chooses how to sign in.</summary>
    private static async Task<Ok<SignedIn>> RegisterAsync(RegisterRequest request, IGrainFactory grains, AccountProvisioner accounts, TokenIssuer tokens, HttpContext context)
    {
        // Everything that can be checked is checked before the invite is spent.
        var username = Credentials.Username(request.Username);
        var password = Credentials.Password(request.Password);
        var pseudonym = Validation.Pseudonym(request.Pseudonym);
        if (await accounts.ExistsAsync(username))
        {
            throw new RuleViolationException("username-taken", "That username is taken.");
        }

        var invite = grains.GetGrain<IInviteGrain>(Keys.Invite(request.InviteCode));
        var personId = Guid.NewGuid().ToString("N");
        var redeemed = await invite.Redeem(personId);
        try
        {
            await accounts.CreateAsync(username, password, pseudonym, redeemed.Role, personId);
        }
        catch
        {
            await invite.Release(personId);
            throw;
        }

        return TypedResults.Ok(await tokens.SignInAsync(context, await grains.GetGrain<IPersonGrain>(personId).GetProfile()));
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
