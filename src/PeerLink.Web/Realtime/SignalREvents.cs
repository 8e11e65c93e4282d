using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR;
using PeerLink.Grains.Events;

namespace PeerLink.Web.Realtime;

/// <summary>
/// Adapts grain events to the hub contract. Grains publish inside their turns, so Publish only queues. Delivery
/// runs on several loops, each person's events always on the same one: a person hears their events in the
/// order they were published, while one slow or busy connection holds up only the people who share its loop.
/// </summary>
public sealed class SignalREvents(HubLifetimeManager<PeerLinkHub> connections, ILogger<SignalREvents> logger) : BackgroundService, IPeerLinkEvents
{
    // One loop awaiting every send in turn tops out at a few thousand events a second; more loops than cores
    // let sends to different people overlap while one waits on its socket.
    private static readonly int LoopCount = Math.Max(4, Environment.ProcessorCount * 2);

    private readonly Channel<PeerLinkEvent>[] pending = [.. Enumerable.Range(0, LoopCount)
        .Select(_ => Channel.CreateUnbounded<PeerLinkEvent>(new UnboundedChannelOptions { SingleReader = true }))];

    public void Publish(PeerLinkEvent e) => pending[(int)((uint)StringComparer.Ordinal.GetHashCode(e.RecipientId) % (uint)LoopCount)].Writer.TryWrite(e);

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
        ModerationNotice n => ("ModerationNotice", new ModerationNoticeMessage(n.Action, n.GroupId, n.Reason, n.Until)),
        GroupUpdated g => ("GroupUpdated", new GroupUpdatedMessage(g.GroupId, g.Change, g.Seq, g.Reason)),
        MessagesRemoved r => ("MessagesRemoved", new MessagesRemovedMessage(r.ConversationId, r.GroupId, r.Seqs, r.Reason)),
        _ => throw new ArgumentOutOfRangeException(nameof(e), e.GetType().Name, "No hub message for this event."),
    };

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(pending.Select(channel => Task.Run(() => DeliverAsync(channel.Reader, stoppingToken), stoppingToken)));

    /// <summary>Completes the queues, so each loop delivers what is queued and ends.</summary>
    public override Task StopAsync(CancellationToken cancellationToken)
    {
        foreach (var channel in pending)
        {
            channel.Writer.TryComplete();
        }

        return base.StopAsync(cancellationToken);
    }

    private async Task DeliverAsync(ChannelReader<PeerLinkEvent> events, CancellationToken stoppingToken)
    {
        // Waiting without a token lets the single-reader queue reuse one waiter; with one, every wait for the
        // next event allocated a new one. Stopping completes the queue instead (StopAsync).
        while (await events.WaitToReadAsync())
        {
            while (events.TryRead(out var e))
            {
                try
                {
                    var (method, payload) = ToHubMessage(e);

                    // Straight to the lifetime manager: Clients.User would wrap each send in a new proxy.
                    await connections.SendUserAsync(e.RecipientId, method, [payload], stoppingToken);
                }
                catch (Exception error) when (error is not OperationCanceledException)
                {
                    logger.LogWarning(error, "Delivering {Event} to {PersonId} failed", e.GetType().Name, e.RecipientId);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
            }
        }
    }

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
