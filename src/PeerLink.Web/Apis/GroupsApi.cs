using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using PeerLink.Grains.Groups;
using PeerLink.Grains.Messages;
using PeerLink.Grains.People;
using Orleans;
using PeerLink.Web.Auth;
using PeerLink.Web.Errors;
using PeerLink.Web.Realtime;

namespace PeerLink.Web.Apis;

public sealed record GroupSummary(string GroupId, string Title, string? Description, IReadOnlyList<string> Identities, int Capacity, int MemberCount);

public sealed record CreateGroupRequest(string? Title, string? Description, IReadOnlyList<string>? Identities, int? Capacity);

/// <summary>Support-group rooms: listed for everyone signed in, history for members, opened by admins.</summary>
internal static class GroupsApi
{
    public static RouteGroupBuilder MapGroupsApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/groups").WithTags("Groups").RequireAuthorization();
        api.MapGet("/", ListAsync);
        api.MapGet("/{id}", GetAsync);
        api.MapGet("/{id}/messages", MessagesAsync);
        api.MapPost("/", CreateAsync).RequireAuthorization(nameof(Role.Admin));
        return api;
    }

    private static async Task<Ok<IReadOnlyList<GroupSummary>>> ListAsync(IGrainFactory grains)
    {
        var ids = await grains.GetGrain<IGroupDirectoryGrain>(GroupDirectoryGrain.Key).GetGroupIds();
        var rooms = await Task.WhenAll(ids.Select(id => grains.GetGrain<ISupportGroupGrain>(id).GetInfo()));
        return TypedResults.Ok<IReadOnlyList<GroupSummary>>([.. rooms.Select(r => new GroupSummary(
            r.GroupId, r.Title, r.Description, r.Identities, r.Capacity, r.Members.Count(m => !m.Moderator)))]);
    }

    private static async Task<Ok<GroupView>> GetAsync(string id, IGrainFactory grains) =>
        TypedResults.Ok(GroupView.From(await grains.GetGrain<ISupportGroupGrain>(Keys.Group(id)).GetInfo()));

    private static async Task<Ok<MessagePage>> MessagesAsync(string id, long? after, int? limit, ClaimsPrincipal user, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<ISupportGroupGrain>(Keys.Group(id))
            .GetMessages(user.PersonId(), after ?? 0, limit ?? MessageHistory.DefaultPageSize));

    private static async Task<Created<GroupView>> CreateAsync(CreateGroupRequest request, IGrainFactory grains)
    {
        var settings = new GroupSettings(request.Title ?? string.Empty, request.Description, request.Identities ?? [], request.Capacity ?? 0);
        var info = await grains.GetGrain<ISupportGroupGrain>(Guid.NewGuid().ToString("N")).Create(settings);
        return TypedResults.Created($"/api/groups/{info.GroupId}", GroupView.From(info));
    }
}
