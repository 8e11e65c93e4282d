namespace PeerLink.Grains.People;

/// <summary>What one signed-in session of a person may do now: the person's current roles, if the session is still open.</summary>
/// <param name="SessionOpen">False once the session was signed out, ended everywhere, expired, or the person deleted.</param>
[GenerateSerializer, Immutable, Alias("peerlink.access")]
public sealed record Access([Id(0)] Role Roles, [Id(1)] bool SessionOpen)
{
    public static readonly Access None = new(Role.None, SessionOpen: false);
}
