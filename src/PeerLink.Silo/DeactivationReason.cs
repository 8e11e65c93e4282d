namespace PeerLink.Silo;

public enum DeactivationReasonCode
{
    None,
    ActivationIdle,
    ApplicationRequested,
    StateWriteFailed,
    ShuttingDown,
}

public readonly record struct DeactivationReason(DeactivationReasonCode ReasonCode, string Description)
{
    public override string ToString() => $"{ReasonCode}: {Description}";
}
