using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http.HttpResults;
using PeerLink.Grains;
using PeerLink.Grains.Invites;
using PeerLink.Grains.People;
using PeerLink.Silo;
using PeerLink.Web.Auth;

namespace PeerLink.Web.Apis;

public sealed record InviteRequest(Role? Role, int? ValidDays);

public sealed record InviteCreated(string Code, Role Role, DateTimeOffset ExpiresAt);

/// <summary>What only admins do: invite peers and moderators, and record a peer's training.</summary>
internal static class AdminApi
{
    public static RouteGroupBuilder MapAdminApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/admin").WithTags("Admin").RequireAuthorization(nameof(Role.Admin));
        api.MapPost("/invites", CreateInviteAsync);
        api.MapPost("/people/{id}/training", RecordTrainingAsync);
        return api;
    }

    private static async Task<Created<InviteCreated>> CreateInviteAsync(InviteRequest request, ClaimsPrincipal user, IGrainFactory grains)
    {
        var role = request.Role ?? throw new RuleViolationException("invite-role-invalid", "Invites are for peers or moderators.");

        // 96 random bits: unguessable, and short enough to read out over the phone.
        var code = RandomNumberGenerator.GetHexString(24, lowercase: true);
        var invite = await grains.GetGrain<IInviteGrain>(code).Create(role, user.PersonId(), TimeSpan.FromDays(request.ValidDays ?? 7));
        return TypedResults.Created((string?)null, new InviteCreated(code, invite.Role, invite.ExpiresAt));
    }

    private static async Task<Ok<PersonProfile>> RecordTrainingAsync(string id, ClaimsPrincipal user, IGrainFactory grains, TimeProvider time)
    {
        var person = grains.GetGrain<IPersonGrain>(Errors.Keys.Person(id));
        var profile = await person.GetProfile();
        if (!profile.Roles.HasFlag(Role.Peer))
        {
            throw new RuleViolationException("not-a-peer", "Training is recorded for peers.");
        }

        return TypedResults.Ok(await person.RecordTraining(new TrainingRecord(time.GetUtcNow(), user.PersonId())));
    }
}
