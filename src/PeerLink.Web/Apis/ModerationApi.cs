using Microsoft.AspNetCore.Http.HttpResults;
using PeerLink.Grains.Groups;
using PeerLink.Grains.Moderation;
using PeerLink.Grains.People;
using Orleans;

namespace PeerLink.Web.Apis;

/// <param name="OpenFlags">Open crisis alerts and reports about the room.</param>
public sealed record RoomActivity(string GroupId, string Title, int MemberCount, int MessagesLastFiveMinutes, int OpenFlags, bool Locked);

public sealed record DashboardView(
    IReadOnlyList<CrisisAlert> OpenAlerts,
    IReadOnlyList<ModeratorCall> OpenCalls,
    IReadOnlyList<Report> OpenReports,
    IReadOnlyList<string> OnDuty,
    IReadOnlyList<RoomActivity> Rooms);

/// <summary>The moderator console's picture of now. Live changes arrive over the hub; this is the starting point.</summary>
internal static class ModerationApi
{
    public static RouteGroupBuilder MapModerationApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/moderation").WithTags("Moderation").RequireAuthorization(nameof(Role.Moderator));
        api.MapGet("/dashboard", DashboardAsync);
        return api;
    }

    private static async Task<Ok<DashboardView>> DashboardAsync(IGrainFactory grains)
    {
        var desk = await grains.GetGrain<IModerationGrain>(ModerationGrain.Key).GetDashboard();
        var ids = await grains.GetGrain<IGroupDirectoryGrain>(GroupDirectoryGrain.Key).GetGroupIds();
        var rooms = await Task.WhenAll(ids.Select(id => grains.GetGrain<ISupportGroupGrain>(id).GetInfo()));
        return TypedResults.Ok(new DashboardView(
            desk.OpenAlerts,
            desk.OpenCalls,
            desk.OpenReports,
            desk.OnDuty,
            [.. rooms.Select(r => new RoomActivity(
                r.GroupId,
                r.Title,
                r.Members.Count(m => !m.Moderator),
                r.MessagesLastFiveMinutes,
                desk.OpenAlerts.Count(a => a.GroupId == r.GroupId) + desk.OpenReports.Count(p => p.Target.GroupId == r.GroupId),
                r.Locked))]));
    }
}
