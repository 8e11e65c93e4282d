namespace PeerLink.Silo;

/// <summary>What an activation knows about itself.</summary>
public interface IGrainContext
{
    GrainId GrainId { get; }

    object? GrainInstance { get; }

    IServiceProvider ActivationServices { get; }
}
