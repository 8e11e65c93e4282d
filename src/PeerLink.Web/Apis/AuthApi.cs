using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using PeerLink.Grains;
using PeerLink.Grains.Accounts;
using PeerLink.Grains.Invites;
using PeerLink.Grains.People;
using Orleans;
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
        var api = endpoints.MapGroup("/api/auth").WithTags("Auth");
        var signIn = api.MapGroup("/").RequireRateLimiting(AuthRateLimits.Policy);
        signIn.MapPost("/guest", GuestAsync);
        signIn.MapPost("/login", LoginAsync);
        signIn.MapPost("/register", RegisterAsync);
        api.MapPost("/sign-out", SignOutAsync).RequireAuthorization();
        api.MapPost("/sign-out-everywhere", SignOutEverywhereAsync).RequireAuthorization();
        return api;
    }

    /// <summary>Ends this session: its token and cookie stop working at once, and its live connections close.</summary>
    private static async Task<NoContent> SignOutAsync(ClaimsPrincipal user, IGrainFactory grains, HttpContext context)
    {
        await grains.GetGrain<IPersonGrain>(user.PersonId()).EndSession(user.SessionId()!);
        await context.SignOutAsync(PeerLinkAuth.CookieScheme);
        return TypedResults.NoContent();
    }

    /// <summary>Ends every session of this person, on every device.</summary>
    private static async Task<NoContent> SignOutEverywhereAsync(ClaimsPrincipal user, IGrainFactory grains, HttpContext context)
    {
        await grains.GetGrain<IPersonGrain>(user.PersonId()).EndAllSessions();
        await context.SignOutAsync(PeerLinkAuth.CookieScheme);
        return TypedResults.NoContent();
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

    /// <remarks>
    /// Besides the limit per address, each account locks for a while after repeated wrong passwords, whichever
    /// addresses they come from (IAccountGrain). An unknown name, a wrong password and a locked account all get the
    /// same answer, and a password is checked against a hash in each case, so none of them can be told apart.
    /// </remarks>
    private static async Task<Results<Ok<SignedIn>, ProblemHttpResult>> LoginAsync(LoginRequest request, IGrainFactory grains, TokenIssuer tokens, HttpContext context)
    {
        var username = Credentials.Username(request.Username);
        var account = grains.GetGrain<IAccountGrain>(username);
        var check = await account.BeginSignIn();
        var matches = Credentials.Verify(username, check.Credentials?.PasswordHash, request.Password ?? string.Empty);
        if (check.Credentials is not { } credentials || check.Locked || !matches)
        {
            if (check.Credentials is not null && !check.Locked)
            {
                await account.RecordSignIn(succeeded: false);
            }

            return TypedResults.Problem("Unknown username or wrong password.", statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed");
        }

        await account.RecordSignIn(succeeded: true);
        var person = await grains.GetGrain<IPersonGrain>(credentials.PersonId).GetProfile();
        return TypedResults.Ok(await tokens.SignInAsync(context, person));
    }
}
