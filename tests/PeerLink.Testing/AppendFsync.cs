namespace PeerLink.Testing;

/// <summary>Redis' <c>appendfsync</c> setting for an append-only server.</summary>
public enum AppendFsync
{
    Always,
    EverySecond,
}
