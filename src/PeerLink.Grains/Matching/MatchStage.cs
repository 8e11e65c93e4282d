namespace PeerLink.Grains.Matching;

/// <summary>How wide the search for a peer is. Widened step by step as the wait grows.</summary>
[GenerateSerializer, Alias("peerlink.match-stage")]
public enum MatchStage
{
    /// <summary>Only peers who share one of the seeker's identities.</summary>
    SharedIdentity,

    /// <summary>Also peers with an identity related to one of the seeker's.</summary>
    RelatedIdentity,

    /// <summary>Any trained peer who speaks the language.</summary>
    AnyPeer,
}
