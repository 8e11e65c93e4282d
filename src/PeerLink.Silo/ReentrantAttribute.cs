namespace PeerLink.Silo;

/// <summary>
/// Lets requests to this grain interleave at awaits. Code still runs one piece at a time on the
/// activation's scheduler, so no locks are needed, but state may change across an await.
/// Meant for read-mostly grains.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ReentrantAttribute : Attribute;

/// <summary>This grain-interface method may interleave with any other request, even on a non-reentrant grain.</summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class AlwaysInterleaveAttribute : Attribute;
