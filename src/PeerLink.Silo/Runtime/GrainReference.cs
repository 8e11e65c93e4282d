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

    /// <summary>
    /// A new reference of the same generated proxy type, bound to a grain. DispatchProxy.Create finds the type and
    /// calls its constructor by reflection on every call, which showed up on every message in the load run's
    /// profile; the generated type's one field is the method table it shares with every instance, so a shallow
    /// copy of a prototype is the same object the constructor would make.
    /// </summary>
    internal GrainReference CopyBoundTo(GrainRuntime runtime, GrainClassInfo classInfo, GrainId grainId)
    {
        var reference = (GrainReference)MemberwiseClone();
        reference.Runtime = runtime;
        reference.ClassInfo = classInfo;
        reference.GrainId = grainId;
        reference.CachedActivation = null;
        return reference;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) =>
        MethodDispatcher.For(targetMethod!).Invoke(this, args ?? []);
}
