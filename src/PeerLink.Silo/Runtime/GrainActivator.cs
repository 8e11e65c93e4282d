using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using PeerLink.Silo.Storage;

namespace PeerLink.Silo.Runtime;

/// <summary>
/// Creates grain instances: constructor parameters come from the container, except those marked
/// [PersistentState], which get a state bound to the activation and read before OnActivateAsync.
/// </summary>
internal sealed class GrainActivator
{
    private static readonly MethodInfo CreateStateMethod =
        typeof(GrainActivator).GetMethod(nameof(CreateState), BindingFlags.NonPublic | BindingFlags.Static)!;

    private readonly ConcurrentDictionary<Type, Func<ActivationData, object>> factories = new();

    public object CreateInstance(ActivationData activation)
    {
        var factory = factories.GetOrAdd(activation.ClassInfo.ClassType, static (_, info) => BuildFactory(info), activation.ClassInfo);
        Grain.Constructing = activation;
        try
        {
            return factory(activation);
        }
        finally
        {
            Grain.Constructing = null;
        }
    }

    private static Func<ActivationData, object> BuildFactory(GrainClassInfo info)
    {
        var constructor = info.Constructor;
        var resolvers = constructor.GetParameters().Select(p => BuildResolver(info, p)).ToArray();
        return activation =>
        {
            var args = new object?[resolvers.Length];
            for (var i = 0; i < resolvers.Length; i++)
            {
                args[i] = resolvers[i](activation);
            }

            return constructor.Invoke(BindingFlags.DoNotWrapExceptions, binder: null, args, culture: null);
        };
    }

    private static Func<ActivationData, object?> BuildResolver(GrainClassInfo info, ParameterInfo parameter)
    {
        var type = parameter.ParameterType;
        if (parameter.GetCustomAttribute<PersistentStateAttribute>() is { } attribute)
        {
            if (!type.IsGenericType || type.GetGenericTypeDefinition() != typeof(IPersistentState<>))
            {
                throw new InvalidOperationException(
                    $"{info.ClassType.Name}: [PersistentState] parameter '{parameter.Name}' must be an IPersistentState<T>.");
            }

            var create = CreateStateMethod.MakeGenericMethod(type.GetGenericArguments()[0]);
            return activation => create.Invoke(null, BindingFlags.DoNotWrapExceptions, null, [activation, attribute], null);
        }

        if (type == typeof(IGrainFactory))
        {
            return activation => activation.Runtime;
        }

        if (type == typeof(IGrainContext))
        {
            return activation => activation;
        }

        return activation => activation.Runtime.Services.GetService(type) ?? (parameter.HasDefaultValue
            ? parameter.DefaultValue
            : throw new InvalidOperationException($"{info.ClassType.Name} needs a {type.Name} for '{parameter.Name}', and none is registered."));
    }

    private static PersistentState<TState> CreateState<TState>(ActivationData activation, PersistentStateAttribute attribute)
    {
        var storage = activation.Runtime.Services.GetKeyedService<IGrainStorage>(attribute.StorageName)
            ?? throw new InvalidOperationException(
                $"No grain storage named '{attribute.StorageName}' is registered (grain {activation.GrainId}, state '{attribute.StateName}'). Call UseMemoryStorage() or UseRedisStorage() on the silo builder.");
        var state = new PersistentState<TState>(activation, attribute.StateName, storage);
        activation.AddState(state);
        return state;
    }
}
