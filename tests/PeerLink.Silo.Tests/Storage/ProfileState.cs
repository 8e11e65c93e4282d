namespace PeerLink.Silo.Tests.Storage;

/// <summary>A mutable state, like a grain's, so tests can tell copies from shared objects.</summary>
public sealed class ProfileState
{
    public string Name { get; set; } = "";

    public List<string> Tags { get; set; } = [];
}
