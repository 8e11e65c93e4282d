using System.Reflection;

namespace PeerLink.Silo.Runtime;

/// <summary>Rejects grain interfaces the runtime cannot call asynchronously, when they are first used.</summary>
internal static class GrainInterfaceValidator
{
    public static void Validate(Type grainInterface)
    {
        foreach (var method in AllMethods(grainInterface))
        {
            if (MethodDispatcher.KindOf(method.ReturnType) is null)
            {
                throw new InvalidOperationException(
                    $"{grainInterface.Name}.{method.Name} returns {method.ReturnType.Name}; grain methods must return Task, Task<T>, ValueTask or ValueTask<T>.");
            }

            if (method.GetParameters().Any(p => p.ParameterType.IsByRef))
            {
                throw new InvalidOperationException($"{grainInterface.Name}.{method.Name} has a ref or out parameter; grain methods take values only.");
            }

            if (method.IsDefined(typeof(OneWayAttribute), inherit: false) && method.ReturnType != typeof(Task) && method.ReturnType != typeof(ValueTask))
            {
                throw new InvalidOperationException($"{grainInterface.Name}.{method.Name} is [OneWay]; it must return Task or ValueTask, since nobody waits for a result.");
            }

            if (method.IsGenericMethodDefinition)
            {
                throw new InvalidOperationException($"{grainInterface.Name}.{method.Name} is generic; grain methods must not be.");
            }
        }
    }

    private static IEnumerable<MethodInfo> AllMethods(Type grainInterface) =>
        grainInterface.GetMethods().Concat(grainInterface.GetInterfaces().SelectMany(i => i.GetMethods()));
}
