namespace PeerLink.Grains.Safety;

/// <summary>
/// What the crisis detector found in one message. <see cref="MatchedRule"/> names the deciding rule as
/// "language:level:name" (for example "en:high:kill-myself"), with "+past" when a past-tense cue lowered
/// it from high to concern; it is for moderators and logs, never shown to the writer.
/// </summary>
public sealed record CrisisAssessment(RiskLevel Level, string? MatchedRule)
{
    public static readonly CrisisAssessment None = new(RiskLevel.None, null);
}
