namespace PeerLink.Silo;

public interface IGrainFactory
{
    /// <summary>
    /// Returns a reference to the grain with this key. The grain is activated on its first call;
    /// getting a reference never activates anything.
    /// </summary>
    /// <exception cref="ArgumentException">The key is empty, longer than 256 characters, or holds control characters.</exception>
    TGrainInterface GetGrain<TGrainInterface>(string key) where TGrainInterface : IGrainWithStringKey;
}
