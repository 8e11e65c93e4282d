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

/// <summary>
/// The caller does not wait for this grain-interface method: the call is queued on the target and the caller's
/// task completes at once. It runs as its own call chain, so one-way notifications never form a waiting
/// cycle between two grains. Failures are logged, not returned. The method must return Task or ValueTask.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class OneWayAttribute : Attribute;
