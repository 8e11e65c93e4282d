using System.Reflection;

namespace PeerLink.Silo.Runtime;

/// <summary>
/// The object behind every grain interface handed out by <see cref="IGrainFactory"/>. Every call goes
/// through it to the runtime, never straight to the grain object, as with Orleans' GrainReference.
/// </summary>
public class GrainReference : DispatchProxy
{
    internal GrainRuntime Runtime { get; private set; } = null!;

    internal GrainClassInfo ClassInfo { get; private set; } = null!;

    /// <summary>The activation this reference last reached; saves a directory lookup while it stays valid.</summary>
    internal ActivationData? CachedActivation { get; set; }

    public GrainId GrainId { get; private set; }

    public override string ToString() => $"GrainReference:{GrainId}";

    public override bool Equals(object? obj) => obj is GrainReference other && other.GrainId == GrainId;

    public override int GetHashCode() => GrainId.GetHashCode();

    internal void Bind(GrainRuntime runtime, GrainClassInfo classInfo, GrainId grainId)
    {
        Runtime = runtime;
        ClassInfo = classInfo;
        GrainId = grainId;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) =>
        MethodDispatcher.For(targetMethod!).Invoke(this, args ?? []);
}
