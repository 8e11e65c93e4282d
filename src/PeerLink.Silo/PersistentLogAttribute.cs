namespace PeerLink.Silo;

/// <summary>Marks a grain constructor parameter of type <see cref="IPersistentLog{TEntry}"/>, kept by the named storage provider.</summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class PersistentLogAttribute(string logName, string? storageName = null) : Attribute
{
    public string LogName { get; } = logName;

    public string StorageName { get; } = storageName ?? PersistentStateAttribute.DefaultStorageName;
}
