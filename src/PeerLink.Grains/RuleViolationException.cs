namespace PeerLink.Grains;

/// <summary>
/// A request that breaks a product rule (an unknown identity, a second request while queued, an accept
/// after the offer expired…). Nothing was changed. <see cref="Code"/> is stable for clients; the message is for people.
/// </summary>
/// <remarks>Serializable, so the code reaches a caller in another process intact.</remarks>
[GenerateSerializer, Alias("peerlink.rule-violation")]
public sealed class RuleViolationException(string code, string message) : Exception(message)
{
    [Id(0)]
    public string Code { get; } = code;
}
