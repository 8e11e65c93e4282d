using PeerLink.Grains.Accounts;
using PeerLink.Grains.CheckIns;
using PeerLink.Grains.Conversations;
using PeerLink.Grains.Events;
using PeerLink.Grains.Groups;
using PeerLink.Grains.Matching;
using PeerLink.Grains.Privacy;

namespace PeerLink.Grains.People;

/// <summary>A person's own data: an export of everything held about them, and deleting their account.</summary>
public sealed partial class PersonGrain
{
    public async Task<PersonExport> Export()
    {
        RequireRegistered();
        var conversations = await Task.WhenAll(ConversationIds().Select(async id =>
        {
            var own = await GrainFactory.GetGrain<IConversationGrain>(id).GetOwnMessages(PersonId);
            return new ConversationExport(id, own.PurgedAt, own.Messages);
        }));
        var rooms = await Task.WhenAll(RoomIds().Select(async id =>
            new RoomExport(id, (await GrainFactory.GetGrain<ISupportGroupGrain>(id).GetOwnMessages(PersonId)).Messages)));
        return new PersonExport(
            time.GetUtcNow(),
            Profile(),
            State.AvailabilityChosen,
            State.OpenRequestId,
            [.. State.History],
            [.. State.CheckIns],
            [.. State.Blocked],
            [.. State.Rooms],
            conversations,
            rooms);
    }

    public async Task DeleteAccount()
    {
        RequireRegistered();

        // Nothing new begins: snapshots pushed from here on say unavailable, and an open request goes.
        State.AvailabilityChosen = false;
        presenceTimer?.Dispose();
        presenceTimer = null;
        if (State.OpenRequestId is { } requestId && await IsStillQueuedAsync(requestId))
        {
            try
            {
                await GrainFactory.GetGrain<IMatchmakerGrain>(State.OpenRequestLanguage!).CancelRequest(requestId, PersonId);
            }
            catch (RuleViolationException e) when (e.Code == "request-unknown")
            {
                // Matched or cancelled meanwhile: a conversation it became is ended below with the others.
            }
        }

        // Each step can run again, so a deletion that failed half-way is finished by asking again.
        foreach (var conversationId in ConversationIds())
        {
            await GrainFactory.GetGrain<IConversationGrain>(conversationId).ForgetPerson(PersonId);
        }

        foreach (var groupId in RoomIds())
        {
            await GrainFactory.GetGrain<ISupportGroupGrain>(groupId).ForgetPerson(PersonId);
        }

        foreach (var checkIn in State.CheckIns)
        {
            await GrainFactory.GetGrain<ICheckInGrain>(checkIn.CheckInId).Cancel();
        }

        foreach (var language in State.Roles.HasFlag(Role.Peer) ? State.Languages : [])
        {
            await GrainFactory.GetGrain<IMatchmakerGrain>(language).RemovePeer(PersonId);
        }

        if (State.Username is { } username)
        {
            await GrainFactory.GetGrain<IAccountGrain>(username).Delete(PersonId);
        }

        await LeaveModeratedConversationsAsync("account-deleted");

        // Last, so every step above could still find what it needed; from here the person is unknown, and every
        // session with them: their live connections close.
        await person.ClearStateAsync();
        lastHeartbeat = null;
        lastPushedAvailable = null;
        events.Publish(new SessionsEnded(PersonId, SessionId: null));
        DeactivateOnIdle();
    }

    private IEnumerable<string> ConversationIds() =>
        State.ActiveConversations.Concat(State.History.Select(h => h.ConversationId)).Distinct().ToList();

    private IEnumerable<string> RoomIds() => State.Rooms.Union(State.RoomsJoined).Union(State.WatchingRooms).ToList();
}
