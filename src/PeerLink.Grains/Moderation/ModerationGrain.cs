using Microsoft.Extensions.Logging;
using PeerLink.Grains.Events;
using PeerLink.Grains.People;
using PeerLink.Silo;

namespace PeerLink.Grains.Moderation;

public sealed class ModerationGrain(
    [PersistentState("moderation")] IPersistentState<ModerationState> state,
    TimeProvider time,
    IPeerLinkEvents events,
    ILogger<ModerationGrain> logger) : Grain, IModerationGrain
{
    public const string Key = "default";
    public const int ReportsPerMinute = 5;
    public const int MaxNoteLength = 500;

    // Presence, not record: after a restart moderators are on duty again when their console reconnects.
    private readonly HashSet<string> onDuty = [];
    private readonly Dictionary<string, Queue<DateTimeOffset>> recentReports = [];

    private ModerationState State => state.State;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // The desk must hear alerts whenever they come, so it never goes idle and loses who is on duty.
        DelayDeactivation(TimeSpan.FromDays(3650));
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
        if (onDuty.Count == 0)
        {
            logger.LogWarning("Crisis alert {AlertId} raised with no moderator on duty; it waits on the dashboard", alert.AlertId);
        }

        TellOnDuty(moderatorId => new CrisisAlertRaised(moderatorId, alert));
    }

    public async Task CallModerator(ModeratorCall call)
    {
        State.OpenCalls.Add(call);
        await state.WriteStateAsync();
        TellOnDuty(moderatorId => new ModeratorCalled(moderatorId, call));
    }

    public async Task Resolve(string moderatorId, string alertOrCallId, string? note)
    {
        var removed = State.OpenAlerts.RemoveAll(a => a.AlertId == alertOrCallId) + State.OpenCalls.RemoveAll(c => c.CallId == alertOrCallId);
        if (removed == 0)
        {
            throw new RuleViolationException("alert-unknown", "There is no open alert or call with that id.");
        }

        await state.WriteStateAsync();
        await AuditAsync(new AuditEntry(moderatorId, "resolve", "alert", alertOrCallId, Note(note), time.GetUtcNow()));
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

        TakeReportPermit(reporterId);
        var report = new Report(Guid.NewGuid().ToString("N"), reporterId, target, category, Note(note), time.GetUtcNow());
        State.Reports[report.ReportId] = report;
        await state.WriteStateAsync();
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
        await AuditAsync(new AuditEntry(moderatorId, "close-report", "report", reportId, text, closed.ClosedAt.Value));
        events.Publish(new ReportClosed(report.ReporterId, reportId, text));
        return closed;
    }

    public Task<ModerationDashboard> GetDashboard() => Task.FromResult(new ModerationDashboard(
        [.. State.OpenAlerts],
        [.. State.OpenCalls],
        [.. State.Reports.Values.Where(r => r.ClosedAt is null).OrderBy(r => r.FiledAt)],
        [.. onDuty]));

    public Task<bool> IsOpenFor(string conversationId) => Task.FromResult(
        State.OpenCalls.Any(c => c.ConversationId == conversationId) || State.OpenAlerts.Any(a => a.ConversationId == conversationId));

    private void TakeReportPermit(string reporterId)
    {
        var now = time.GetUtcNow();
        if (!recentReports.TryGetValue(reporterId, out var recent))
        {
            recentReports[reporterId] = recent = new Queue<DateTimeOffset>();
        }

        while (recent.TryPeek(out var oldest) && now - oldest >= TimeSpan.FromMinutes(1))
        {
            recent.Dequeue();
        }

        if (recent.Count >= ReportsPerMinute)
        {
            throw new RuleViolationException("report-rate-limited", $"That is more than {ReportsPerMinute} reports a minute. Moderators have your reports; wait a moment before sending more.");
        }

        recent.Enqueue(now);
    }

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
