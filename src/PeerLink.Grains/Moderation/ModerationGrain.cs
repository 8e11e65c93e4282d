using Microsoft.Extensions.Logging;
using PeerLink.Grains.Events;
using PeerLink.Grains.Limits;
using PeerLink.Grains.People;
using PeerLink.Grains.Telemetry;

namespace PeerLink.Grains.Moderation;

/// <summary>
/// The moderators' desk. Who is on duty lives only in this activation, so the desk is never collected while its silo
/// runs: it must hear alerts whenever they come.
/// </summary>
[GrainType("moderation"), KeepAlive]
public sealed class ModerationGrain(
    [PersistentState("moderation")] IPersistentState<ModerationState> state,
    TimeProvider time,
    IPeerLinkEvents events,
    PeerLinkMetrics metrics,
    ILogger<ModerationGrain> logger) : Grain, IModerationGrain
{
    public const string Key = "default";
    public const int ReportsPerMinute = 5;
    public const int CallsPerHour = 5;
    public const int MaxNoteLength = 500;

    // Presence, not record: after a restart moderators are on duty again when their console reconnects.
    private readonly HashSet<string> onDuty = [];
    private readonly RecentActions reportLimit = new(time, ReportsPerMinute, TimeSpan.FromMinutes(1), "report-rate-limited",
        $"That is more than {ReportsPerMinute} reports a minute. Moderators have your reports; wait a moment before sending more.");
    private readonly RecentActions callLimit = new(time, CallsPerHour, TimeSpan.FromHours(1), "call-rate-limited",
        $"That is more than {CallsPerHour} calls for a moderator in an hour. If you are in danger, the crisis lines are always open.");

    // Alerts an on-duty moderator has had in front of them, for the time-to-moderator metric. Memory only: after a
    // restart an open alert is timed again when a moderator next sees it, which can only make the figure worse.
    private readonly HashSet<string> seenAlerts = new(StringComparer.Ordinal);

    private ModerationState State => state.State;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        ReportFigures();
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        metrics.ForgetDesk();
        return Task.CompletedTask;
    }

    public async Task SetOnDuty(string moderatorId, bool onDuty)
    {
        if (onDuty)
        {
            var profile = await GrainFactory.GetGrain<IPersonGrain>(moderatorId).GetProfile();
            if (!profile.Roles.HasFlag(Role.Moderator))
            {
                throw new RuleViolationException("not-a-moderator", "Only moderators go on duty.");
            }

            this.onDuty.Add(moderatorId);

            // Going on duty opens the console, whose dashboard shows every open alert.
            foreach (var alert in State.OpenAlerts)
            {
                Seen(alert);
            }

            ReportFigures();
        }
        else
        {
            this.onDuty.Remove(moderatorId);
        }
    }

    public async Task RaiseCrisisAlert(CrisisAlert alert)
    {
        State.OpenAlerts.Add(alert);
        await state.WriteStateAsync();
        metrics.CrisisAlertRaised(alert.Level);
        if (onDuty.Count == 0)
        {
            logger.LogWarning("Crisis alert {AlertId} raised with no moderator on duty; it waits on the dashboard", alert.AlertId);
        }
        else
        {
            Seen(alert);
        }

        ReportFigures();

        TellOnDuty(moderatorId => new CrisisAlertRaised(moderatorId, alert));
    }

    public async Task<string> CallModerator(ModeratorCall call)
    {
        // Asking twice is asking once: the moderators already have this conversation's call in front of them.
        if (State.OpenCalls.FirstOrDefault(c => c.ConversationId == call.ConversationId) is { } open)
        {
            return open.CallId;
        }

        callLimit.Take(call.CallerId);
        State.OpenCalls.Add(call);
        await state.WriteStateAsync();
        ReportFigures();
        TellOnDuty(moderatorId => new ModeratorCalled(moderatorId, call));
        return call.CallId;
    }

    public async Task Resolve(string moderatorId, string alertOrCallId, string? note)
    {
        var resolving = State.OpenAlerts.Where(a => a.AlertId == alertOrCallId).ToList();
        var conversationIds = resolving.Select(a => a.ConversationId)
            .Concat(State.OpenCalls.Where(c => c.CallId == alertOrCallId).Select(c => c.ConversationId))
            .OfType<string>().ToList();
        var removed = State.OpenAlerts.RemoveAll(a => a.AlertId == alertOrCallId) + State.OpenCalls.RemoveAll(c => c.CallId == alertOrCallId);
        if (removed == 0)
        {
            throw new RuleViolationException("alert-unknown", "There is no open alert or call with that id.");
        }

        await state.WriteStateAsync();
        foreach (var alert in resolving)
        {
            Seen(alert);
            seenAlerts.Remove(alert.AlertId);
        }

        ReportFigures();
        await AuditAsync(new AuditEntry(moderatorId, "resolve", "alert", alertOrCallId, Note(note), time.GetUtcNow()));

        // A one-to-one conversation is open to moderators only while something about it is: with the last call or
        // alert resolved, the moderators in it leave.
        foreach (var conversationId in conversationIds.Distinct().Where(id => !IsOpen(id)))
        {
            await GrainFactory.GetGrain<Conversations.IConversationGrain>(conversationId).ModerationClosed();
        }
    }

    public async Task<Report> FileReport(string reporterId, ReportTarget target, ReportCategory category, string? note)
    {
        if (target.PersonId is null && target.ConversationId is null && target.GroupId is null)
        {
            throw new RuleViolationException("report-target-required", "Say what you are reporting: a message or a person.");
        }

        if (!Enum.IsDefined(category))
        {
            throw new RuleViolationException("report-category-invalid", "Choose one of the report reasons.");
        }

        reportLimit.Take(reporterId);
        var report = new Report(Guid.NewGuid().ToString("N"), reporterId, target, category, Note(note), time.GetUtcNow());
        State.Reports[report.ReportId] = report;
        await state.WriteStateAsync();
        ReportFigures();
        TellOnDuty(moderatorId => new ReportFiled(moderatorId, report));
        return report;
    }

    public async Task<Report> CloseReport(string moderatorId, string reportId, string outcome)
    {
        var report = State.Reports.GetValueOrDefault(reportId) ?? throw new RuleViolationException("report-unknown", "There is no such report.");
        if (report.ClosedAt is not null)
        {
            throw new RuleViolationException("report-closed", "This report is already closed.");
        }

        var text = Note(outcome) ?? throw new RuleViolationException("outcome-required", "Say what was decided; the reporter is told.");
        var closed = report with { ClosedBy = moderatorId, Outcome = text, ClosedAt = time.GetUtcNow() };
        State.Reports[reportId] = closed;
        await state.WriteStateAsync();
        ReportFigures();
        await AuditAsync(new AuditEntry(moderatorId, "close-report", "report", reportId, text, closed.ClosedAt.Value));
        events.Publish(new ReportClosed(report.ReporterId, reportId, text));
        return closed;
    }

    public Task<ModerationDashboard> GetDashboard() => Task.FromResult(new ModerationDashboard(
        [.. State.OpenAlerts],
        [.. State.OpenCalls],
        [.. State.Reports.Values.Where(r => r.ClosedAt is null).OrderBy(r => r.FiledAt)],
        [.. onDuty]));

    public Task<bool> IsOpenFor(string conversationId) => Task.FromResult(IsOpen(conversationId));

    private bool IsOpen(string conversationId) =>
        State.OpenCalls.Any(c => c.ConversationId == conversationId) || State.OpenAlerts.Any(a => a.ConversationId == conversationId);

    /// <summary>Times an alert the first time an on-duty moderator has it; the caller reports the desk's figures after.</summary>
    private void Seen(CrisisAlert alert)
    {
        if (seenAlerts.Add(alert.AlertId))
        {
            metrics.CrisisAlertSeen(time.GetUtcNow() - alert.RaisedAt);
        }
    }

    private void ReportFigures() => metrics.ReportDesk(new DeskFigures(
        State.OpenCalls.Count,
        State.Reports.Values.Count(r => r.ClosedAt is null),
        State.OpenAlerts.Count,
        State.OpenAlerts.Where(a => !seenAlerts.Contains(a.AlertId)).Select(a => (DateTimeOffset?)a.RaisedAt).Min()));

    private void TellOnDuty(Func<string, PeerLinkEvent> message)
    {
        foreach (var moderatorId in onDuty)
        {
            events.Publish(message(moderatorId));
        }
    }

    private Task AuditAsync(AuditEntry entry) => GrainFactory.GetGrain<IAuditLogGrain>(AuditLogGrain.Key).Append(entry);

    private static string? Note(string? note) =>
        Validation.OptionalLine(note, MaxNoteLength, "note-invalid", $"A note is one line of at most {MaxNoteLength} characters.");
}
