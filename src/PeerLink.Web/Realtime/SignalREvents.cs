using Microsoft.AspNetCore.SignalR;
using PeerLink.Grains.Events;

namespace PeerLink.Web.Realtime;

/// <summary>
/// Adapts grain events to the hub contract. Each person's events go through one of several
/// <see cref="DeliveryLane"/>s, always the same one (by a hash of their id): a person hears their events in the
/// order they were published. A send never waits on a client's socket (<see cref="ConnectionOutbox"/> on one node,
/// Redis on a cluster), so a connection that stops reading holds up no lane.
/// </summary>
public sealed class SignalREvents : IHostedService, IPeerLinkEvents
{
    // More lanes than cores let sends to different people overlap while one waits on its socket.
    private static readonly int LaneCount = Math.Max(4, Environment.ProcessorCount * 2);

    private readonly HubLifetimeManager<PeerLinkHub> connections;
    private readonly IPersonConnections people;
    private readonly ILogger<SignalREvents> logger;
    private readonly DeliveryLane[] lanes;
    private readonly CancellationTokenSource stopping = new();

    public SignalREvents(HubLifetimeManager<PeerLinkHub> connections, IPersonConnections people, ILogger<SignalREvents> logger)
    {
        this.connections = connections;
        this.people = people;
        this.logger = logger;
        lanes = [.. Enumerable.Range(0, LaneCount).Select(_ => new DeliveryLane(DeliverAsync))];
    }

    public void Publish(PeerLinkEvent e)
    {
        // Not messages but changes to what the person's connections may do: at once, not behind their lane.
        switch (e)
        {
            case AccessChanged changed:
                people.ForgetAccess(changed.RecipientId);
                return;
            case SessionsEnded ended:
                people.ForgetAccess(ended.RecipientId);
                people.Close(ended.RecipientId, ended.SessionId);
                return;
        }

        lanes[(int)((uint)StringComparer.Ordinal.GetHashCode(e.RecipientId) % (uint)LaneCount)].Publish(e);
    }

    /// <summary>The hub method and payload an event becomes.</summary>
    public static (string Method, object Payload) ToHubMessage(PeerLinkEvent e) => e switch
    {
        QueueUpdated q => ("QueueUpdated", new QueueUpdatedMessage(q.RequestId, q.Position, q.EstimatedWaitSeconds, Camel(q.Stage.ToString()), q.StageDescription)),
        OfferMade o => ("OfferReceived", new OfferReceivedMessage(o.OfferId, o.RequestId, o.Identities, o.Topic, o.ExpiresAt)),
        OfferWithdrawn w => ("OfferWithdrawn", new OfferWithdrawnMessage(w.OfferId, w.Reason)),
        Matched m => ("Matched", new MatchedMessage(m.ConversationId, m.RequestId, new PartnerInfo(m.PartnerId, m.PartnerPseudonym), m.Reason)),
        ConversationEnded c => ("ConversationEnded", new ConversationEndedMessage(c.ConversationId, c.EndedBy)),
        CheckInDue d => ("CheckInDue", new CheckInDueMessage(d.CheckInId, d.PartnerId, d.DueAt)),
        MessageReceived m => ("MessageReceived", new MessageReceivedMessage(m.ConversationId, m.Seq, m.SenderId, m.Text, m.SentAt)),
        GroupMessageReceived g => ("GroupMessageReceived", new GroupMessageReceivedMessage(g.GroupId, g.Seq, g.SenderId, g.Pseudonym, g.Text, g.SentAt)),
        GroupMemberPresence p => ("GroupMemberPresence", new GroupMemberPresenceMessage(p.GroupId, p.PersonId, p.Online)),
        GroupMemberChanged g => ("GroupMemberChanged", new GroupMemberChangedMessage(g.GroupId, g.PersonId, g.Pseudonym, g.Joined)),
        CrisisResourcesOffered c => ("CrisisResources", new CrisisResourcesMessage(c.ConversationId, c.GroupId, c.Resources)),
        CrisisAlertRaised a => ("CrisisAlert", a.Alert),
        ModeratorCalled c => ("ModeratorCalled", c.Call),
        ReportFiled r => ("ReportFiled", r.Report),
        ReportClosed r => ("ReportClosed", new ReportClosedMessage(r.ReportId, r.Outcome)),
        ModeratorJoined m => ("ModeratorJoined", new ModeratorJoinedMessage(m.ConversationId, m.ModeratorId, m.Pseudonym)),
        ModeratorLeft m => ("ModeratorLeft", new ModeratorLeftMessage(m.ConversationId, m.ModeratorId, m.Pseudonym, m.Reason)),
        ModerationNotice n => ("ModerationNotice", new ModerationNoticeMessage(n.Action, n.GroupId, n.Reason, n.Until)),
        GroupUpdated g => ("GroupUpdated", new GroupUpdatedMessage(g.GroupId, g.Change, g.Seq, g.Reason)),
        MessagesRemoved r => ("MessagesRemoved", new MessagesRemovedMessage(r.ConversationId, r.GroupId, r.Seqs, r.Reason)),
        _ => throw new ArgumentOutOfRangeException(nameof(e), e.GetType().Name, "No hub message for this event."),
    };

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Stops taking events: sends under way are cancelled and what is queued is dropped.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        foreach (var lane in lanes)
        {
            lane.Close();
        }

        await stopping.CancelAsync();
    }

    private async Task DeliverAsync(PeerLinkEvent e)
    {
        try
        {
            var (method, payload) = ToHubMessage(e);

            // Straight to the lifetime manager: Clients.User would wrap each send in a new proxy.
            await connections.SendUserAsync(e.RecipientId, method, [payload], stopping.Token);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Stopping.
        }
        catch (Exception error)
        {
            logger.LogWarning(error, "Delivering {Event} to {PersonId} failed", e.GetType().Name, e.RecipientId);
        }
    }

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
