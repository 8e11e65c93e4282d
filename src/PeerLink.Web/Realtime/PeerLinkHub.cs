using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using PeerLink.Grains;
using PeerLink.Grains.Conversations;
using PeerLink.Grains.Groups;
using PeerLink.Grains.Matching;
using PeerLink.Grains.Moderation;
using PeerLink.Grains.People;
using Orleans;
using PeerLink.Web.Auth;
using PeerLink.Web.Errors;

namespace PeerLink.Web.Realtime;

/// <summary>
/// The one hub, at /hubs/peerlink. It stays thin: it checks who is calling, then asks grains.
/// Matching and conversations are here; rooms, safety and moderation are in the other PeerLinkHub.*.cs files.
/// Events come back to each person through <see cref="SignalREvents"/>.
/// </summary>
[Authorize]
public sealed partial class PeerLinkHub(IGrainFactory grains, IOptions<MatchingOptions> matching, Presence presence, MessageRateLimiter messageLimit) : Hub
{
    public const string Path = "/hubs/peerlink";

    // SignalR reads the person id claim once, when the connection opens; reading the claims on every call
    // would walk them again for each message.
    private string PersonId => Context.UserIdentifier ?? throw new InvalidOperationException("The connection is not signed in.");

    // Every connection says so, not only a node's first: a peer's new tab makes them available at once, and the cap on
    // a person's connections counts every one on every node.
    public override Task OnConnectedAsync() => presence.ConnectAsync(PersonId);

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        if (!await presence.DisconnectAsync(PersonId))
        {
            return;
        }

        // A moderator whose last console closed can no longer answer an alert.
        if (Context.User!.IsInRole(nameof(Role.Moderator)))
        {
            await grains.GetGrain<IModerationGrain>(ModerationGrain.Key).SetOnDuty(PersonId, onDuty: false);
        }
    }

    public async Task<RequestCreated> RequestConversation(RequestConversationArgs args)
    {
        var language = Validation.Language(args.Language, matching.Value);
        var request = new MatchRequest(args.Identities ?? [], language, args.Topic, string.IsNullOrWhiteSpace(args.PreferredPeerId) ? null : args.PreferredPeerId);
        return new RequestCreated(await grains.GetGrain<IMatchmakerGrain>(language).RequestConversation(PersonId, request));
    }

    public Task CancelRequest(string requestId) =>
        Pool(requestId, "request-unknown").CancelRequest(requestId, PersonId);

    [RequiresRole(Role.Peer)]
    public Task SetAvailability(AvailabilityArgs args) =>
        grains.GetGrain<IPersonGrain>(PersonId).SetAvailability(args.Available, args.Capacity);

    /// <summary>A peer rests after a conversation: no offers until the cool-down ends (0 ends it now).</summary>
    [RequiresRole(Role.Peer)]
    public Task StartCoolDown(int minutes) =>
        grains.GetGrain<IPersonGrain>(PersonId).StartCoolDown(TimeSpan.FromMinutes(minutes));

    [RequiresRole(Role.Peer)]
    public async Task AcceptOffer(string offerId) =>
        await Pool(offerId, "offer-unknown").AcceptOffer(offerId, PersonId);

    [RequiresRole(Role.Peer)]
    public Task DeclineOffer(string offerId) =>
        Pool(offerId, "offer-unknown").DeclineOffer(offerId, PersonId);

    public async Task EndConversation(string conversationId) =>
        await grains.GetGrain<IConversationGrain>(Keys.Conversation(conversationId)).End(PersonId);

    /// <summary>Returns once the message is stored, with its place in the conversation's order.</summary>
    [OwnRateLimit]
    public async Task<MessageSent> SendMessage(string conversationId, string? text)
    {
        var conversation = grains.GetGrain<IConversationGrain>(Keys.Conversation(conversationId));
        await messageLimit.TakeAsync(PersonId);
        var ack = await conversation.SendMessage(PersonId, text);
        return new MessageSent(ack.Seq, ack.SentAt);
    }

    private IMatchmakerGrain Pool(string id, string code) =>
        PoolIds.LanguageOf(id) is { } language && matching.Value.Languages.Contains(language)
            ? grains.GetGrain<IMatchmakerGrain>(language)
            : throw new RuleViolationException(code, "There is no such request or offer.");
}
