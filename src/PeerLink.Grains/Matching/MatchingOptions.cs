namespace PeerLink.Grains.Matching;

/// <summary>Matching settings, bound from "PeerLink:Matching".</summary>
public sealed class MatchingOptions
{
    public const string SectionName = "PeerLink:Matching";

    /// <summary>Used when configuration names no languages.</summary>
    public static readonly IReadOnlyList<string> DefaultLanguages = ["en", "es", "fr", "de", "pt", "ar", "pl", "uk"];

    /// <summary>
    /// Languages with a matchmaker pool. A request in any other language is refused. Empty here and filled
    /// with <see cref="DefaultLanguages"/> after binding, because binding adds to a list rather than replacing it.
    /// </summary>
    public List<string> Languages { get; set; } = [];

    /// <summary>How long a peer has to accept an offer before it moves on.</summary>
    public TimeSpan OfferWindow { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Wait after which the search widens to related identities.</summary>
    public TimeSpan RelatedIdentityAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Wait after which any trained peer who speaks the language will do.</summary>
    public TimeSpan AnyPeerAfter { get; set; } = TimeSpan.FromSeconds(90);

    /// <summary>How often the matchmaker expires offers, widens searches and sends queue updates.</summary>
    public TimeSpan Tick { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>A peer with no heartbeat for this long is unavailable.</summary>
    public TimeSpan PresenceTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How many recent match times the wait estimate is drawn from.</summary>
    public int WaitSamples { get; set; } = 50;

    public const int DefaultCapacity = 2;

    public const int MaxCapacity = 8;

    public MatchStage StageAfter(TimeSpan waited) =>
        waited >= AnyPeerAfter ? MatchStage.AnyPeer
        : waited >= RelatedIdentityAfter ? MatchStage.RelatedIdentity
        : MatchStage.SharedIdentity;
}
