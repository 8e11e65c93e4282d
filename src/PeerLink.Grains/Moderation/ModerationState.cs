namespace PeerLink.Grains.Moderation;

public sealed class ModerationState
{
    public List<CrisisAlert> OpenAlerts { get; set; } = [];

    public List<ModeratorCall> OpenCalls { get; set; } = [];

    public Dictionary<string, Report> Reports { get; set; } = [];
}
