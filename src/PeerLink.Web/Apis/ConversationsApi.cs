using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using PeerLink.Grains;
using PeerLink.Grains.Conversations;
using PeerLink.Grains.Messages;
using PeerLink.Grains.People;
using PeerLink.Web.Realtime;
using Orleans;
using PeerLink.Web.Auth;
using PeerLink.Web.Errors;

namespace PeerLink.Web.Apis;

public sealed record ConversationSummary(
    string ConversationId,
    PartnerInfo Partner,
    string Reason,
    string Status,
    DateTimeOffset StartedAt,
    DateTimeOffset? EndedAt,
    string? EndedBy);

public sealed record FeedbackRequest(int? Rating, bool? TalkAgain);

public sealed record CheckInRequest(DateTimeOffset? At);

public sealed record CheckInScheduled(string CheckInId, DateTimeOffset DueAt);

/// <summary>A person's own conversations: the list, the messages (to catch up after a reconnect), feedback and check-ins.</summary>
internal static class ConversationsApi
{
    // Enough for a peer's open chats and a seeker's recent ones, without reading a whole history.
    private const int RecentEnded = 20;

    public static RouteGroupBuilder MapConversationsApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/conversations").WithTags("Conversations").RequireAuthorization();
        api.MapGet("/", ListAsync);
        api.MapGet("/{id}/messages", MessagesAsync);
        api.MapPost("/{id}/feedback", FeedbackAsync);
        api.MapPost("/{id}/check-in", CheckInAsync);
        return api;
    }

    private static async Task<Ok<IReadOnlyList<ConversationSummary>>> ListAsync(ClaimsPrincipal user, IGrainFactory grains)
    {
        var me = user.PersonId();
        var person = grains.GetGrain<IPersonGrain>(me);
        var profile = await person.GetProfile();
        var history = await person.GetHistory();
        var ids = profile.ActiveConversations.Concat(history.OrderByDescending(h => h.EndedAt).Take(RecentEnded).Select(h => h.ConversationId)).Distinct();
        var infos = await Task.WhenAll(ids.Select(id => grains.GetGrain<IConversationGrain>(id).GetInfo()));
        return TypedResults.Ok<IReadOnlyList<ConversationSummary>>([.. infos.OrderByDescending(i => i.StartedAt).Select(i => Summary(i, me))]);
    }

    private static async Task<Ok<MessagePage>> MessagesAsync(string id, long? after, int? limit, ClaimsPrincipal user, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<IConversationGrain>(Keys.Conversation(id))
            .GetMessages(user.PersonId(), after ?? 0, limit ?? MessageHistory.DefaultPageSize));

    private static async Task<Ok<ConversationSummary>> FeedbackAsync(string id, FeedbackRequest request, ClaimsPrincipal user, IGrainFactory grains)
    {
        var rating = request.Rating ?? throw new RuleViolationException("feedback-invalid", "A rating is from 1 (not helpful) to 5 (very helpful).");
        var info = await grains.GetGrain<IConversationGrain>(Keys.Conversation(id)).GiveFeedback(user.PersonId(), new Feedback(rating, request.TalkAgain ?? false));
        return TypedResults.Ok(Summary(info, user.PersonId()));
    }

    /// <summary>Schedules a check-in with the partner of one of my conversations.</summary>
    private static async Task<Ok<CheckInScheduled>> CheckInAsync(string id, CheckInRequest request, ClaimsPrincipal user, IGrainFactory grains)
    {
        var me = user.PersonId();
        var at = request.At ?? throw new RuleViolationException("check-in-time-invalid", "Say when the check-in should be, as an ISO 8601 time.");
        var info = await grains.GetGrain<IConversationGrain>(Keys.Conversation(id)).GetInfo();
        var partner = Partner(info, me);
        var checkInId = await grains.GetGrain<IPersonGrain>(me).ScheduleCheckIn(partner.PersonId, at);
        return TypedResults.Ok(new CheckInScheduled(checkInId, at));
    }

    private static ConversationSummary Summary(ConversationInfo info, string me) => new(
        info.ConversationId,
        Partner(info, me),
        info.Reason,
        info.Status == ConversationStatus.Active ? "active" : "ended",
        info.StartedAt,
        info.EndedAt,
        info.EndedBy);

    private static PartnerInfo Partner(ConversationInfo info, string me) =>
        me == info.SeekerId ? new PartnerInfo(info.PeerId, info.PeerPseudonym)
        : me == info.PeerId ? new PartnerInfo(info.SeekerId, info.SeekerPseudonym)
        : throw new RuleViolationException("not-a-participant", "Only the two people in a conversation can do that.");
}
