namespace PeerLink.Grains.Safety;

/// <summary>Rules-based detection of crisis language in a chat message. Pure and thread-safe.</summary>
public interface ICrisisDetector
{
    /// <summary>
    /// Assesses <paramref name="text"/> with the rules of <paramref name="language"/> (a code such as "es" or
    /// "es-MX") and those of the fallback language, and returns the higher result. A language without rules
    /// is assessed with the fallback language's rules alone. Empty or blank text is <see cref="RiskLevel.None"/>.
    /// </summary>
    CrisisAssessment Assess(string text, string? language);
}
