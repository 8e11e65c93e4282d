namespace PeerLink.Grains.Safety;

/// <summary>How much crisis language a message shows. Ordered: a higher value is more serious.</summary>
[GenerateSerializer, Alias("peerlink.risk-level")]
public enum RiskLevel
{
    None,

    /// <summary>Hopelessness, past self-harm, someone else at risk: worth a peer's attention, not an alert.</summary>
    Concern,

    /// <summary>Risk to the writer's life now: crisis resources at once, and a crisis alert to moderators.</summary>
    High,
}
