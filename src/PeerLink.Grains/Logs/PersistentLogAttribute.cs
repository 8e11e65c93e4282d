namespace PeerLink.Grains.Logs;

/// <summary>
/// Marks a grain constructor parameter of type <see cref="IPersistentLog{TEntry}"/>, kept by the named log storage,
/// as <see cref="PersistentStateAttribute"/> marks grain state.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class PersistentLogAttribute(string logName, string? storageName = null) : Attribute, IFacetMetadata
{
    public const string DefaultStorageName = "Default";

    public string LogName { get; } = logName;

    public string StorageName { get; } = storageName ?? DefaultStorageName;
}
