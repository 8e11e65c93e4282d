namespace PeerLink.Silo;

/// <summary>
/// Names a grain class's type in grain ids and storage keys. Without it the name is the class name,
/// lower-cased, without a trailing "Grain". Set it explicitly before renaming a class that has stored state.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class GrainTypeAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}
