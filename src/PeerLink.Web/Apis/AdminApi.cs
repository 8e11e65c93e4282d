using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http.HttpResults;
using PeerLink.Grains;
using PeerLink.Grains.Identities;
using PeerLink.Grains.Invites;
using PeerLink.Grains.Moderation;
using PeerLink.Grains.People;
using Orleans;
using PeerLink.Web.Auth;

namespace PeerLink.Web.Apis;

public sealed record InviteRequest(Role? Role, int? ValidDays);

public sealed record InviteCreated(string Code, Role Role, DateTimeOffset ExpiresAt);

public sealed record IdentityRequest(string? Name, string? Members, string? Description, IReadOnlyList<string>? Related);

public sealed record RolesRequest(IReadOnlyList<Role>? Roles);

/// <summary>What only admins do: invite peers and moderators, set roles, record training, edit the identity catalog, read the audit log.</summary>
internal static class AdminApi
{
    public static RouteGroupBuilder MapAdminApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/admin").WithTags("Admin").RequireAuthorization(nameof(Role.Admin));
        api.MapPost("/invites", CreateInviteAsync);
        api.MapPost("/people/{id}/training", RecordTrainingAsync);
        api.MapPut("/people/{id}/roles", SetRolesAsync);
        api.MapPut("/identities/{id}", UpsertIdentityAsync);
        api.MapDelete("/identities/{id}", RemoveIdentityAsync);
        api.MapGet("/audit", AuditAsync);
        return api;
    }

    private static async Task<Created<InviteCreated>> CreateInviteAsync(InviteRequest request, ClaimsPrincipal user, IGrainFactory grains)
    {
        var role = request.Role ?? throw new RuleViolationException("invite-role-invalid", "Invites are for peers or moderators.");

        // 96 random bits: unguessable, and short enough to read out over the phone.
        var code = RandomNumberGenerator.GetHexString(24, lowercase: true);
        // Checked here as well as in the grain: a number of days past TimeSpan's range would throw before the grain saw it.
        var days = request.ValidDays ?? 7;
        if (days < 1 || days > InviteGrain.MaxValidity.TotalDays)
        {
            throw new RuleViolationException("invite-validity-invalid", "An invite is valid for up to 30 days.");
        }

        var invite = await grains.GetGrain<IInviteGrain>(code).Create(role, user.PersonId(), TimeSpan.FromDays(days));
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

    private static async Task<Ok<PersonProfile>> SetRolesAsync(string id, RolesRequest request, ClaimsPrincipal user, IGrainFactory grains)
    {
        var roles = (request.Roles ?? []).Aggregate(Role.None, (all, role) => all | role);
        return TypedResults.Ok(await grains.GetGrain<IPersonGrain>(Errors.Keys.Person(id)).SetRoles(roles, user.PersonId()));
    }

    private static async Task<Ok<IReadOnlyList<Identity>>> UpsertIdentityAsync(string id, IdentityRequest request, ClaimsPrincipal user, IGrainFactory grains)
    {
        var identity = new Identity(id, request.Name ?? string.Empty, request.Members ?? string.Empty, request.Description ?? string.Empty, request.Related ?? []);
        return TypedResults.Ok((await grains.GetGrain<IIdentityCatalogGrain>(IdentityCatalogGrain.Key).Upsert(identity, user.PersonId())).Identities);
    }

    private static async Task<Ok<IReadOnlyList<Identity>>> RemoveIdentityAsync(string id, ClaimsPrincipal user, IGrainFactory grains) =>
        TypedResults.Ok((await grains.GetGrain<IIdentityCatalogGrain>(IdentityCatalogGrain.Key).Remove(id, user.PersonId())).Identities);

    /// <summary>The moderation audit log, oldest first, paged by entry number.</summary>
    private static async Task<Ok<AuditPage>> AuditAsync(long? after, int? limit, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<IAuditLogGrain>(AuditLogGrain.Key).Read(after ?? 0, limit ?? Grains.Messages.MessageHistory.DefaultPageSize));
}
