namespace PeerLink.Silo;

/// <summary>
/// Marks a grain constructor parameter of type <see cref="IPersistentState{TState}"/>. The state is read
/// from the named storage provider before OnActivateAsync runs.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class PersistentStateAttribute(string stateName, string? storageName = null) : Attribute
{
    public const string DefaultStorageName = "Default";

    public string StateName { get; } = stateName;

    public string StorageName { get; } = storageName ?? DefaultStorageName;
}
