
namespace PeerLink.Grains.Moderation;

/// <summary>
/// The moderators' desk (key: <see cref="ModerationGrain.Key"/>): who is on duty, open crisis alerts and
/// calls, and the report queue. Grains that find risk tell it one-way, so a message is never held up.
/// </summary>
[GrainInterfaceType("peerlink.moderation")]
[Alias("peerlink.moderation-grain")]
public interface IModerationGrain : IGrainWithStringKey
{
    /// <summary>A moderator comes on or goes off duty; only on-duty moderators are alerted.</summary>
    Task SetOnDuty(string moderatorId, bool onDuty);

    [OneWay]
    Task RaiseCrisisAlert(CrisisAlert alert);

    /// <summary>
    /// Puts a participant's call on the desk and tells on-duty moderators. A conversation has at most one open call:
    /// calling again returns it. A person may place <see cref="ModerationGrain.CallsPerHour"/> calls an hour.
    /// </summary>
    /// <returns>The open call's id: this one's, or the one already open for the conversation.</returns>
    Task<string> CallModerator(ModeratorCall call);

    /// <summary>Closes an alert or a call once a moderator has dealt with it.</summary>
    Task Resolve(string moderatorId, string alertOrCallId, string? note);

    /// <summary>Files a report; more than five a minute from one person are refused.</summary>
    Task<Report> FileReport(string reporterId, ReportTarget target, ReportCategory category, string? note);

    /// <summary>Closes a report with an outcome the reporter is told.</summary>
    Task<Report> CloseReport(string moderatorId, string reportId, string outcome);

    [AlwaysInterleave]
    Task<ModerationDashboard> GetDashboard();

    /// <summary>Whether a moderator was called to, or alerted about, this conversation and it is still open.</summary>
    [AlwaysInterleave]
    Task<bool> IsOpenFor(string conversationId);
}
