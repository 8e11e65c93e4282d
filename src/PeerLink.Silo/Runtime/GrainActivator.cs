using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using PeerLink.Silo.Storage;

namespace PeerLink.Silo.Runtime;

/// <summary>
/// Creates grain instances: constructor parameters come from the container, except those marked
/// [PersistentState], which get a state bound to the activation and read before OnActivateAsync, and
/// those marked [PersistentLog], which get a log bound to the activation.
/// </summary>
internal sealed class GrainActivator
{
    private static readonly MethodInfo CreateStateMethod =
        typeof(GrainActivator).GetMethod(nameof(CreateState), BindingFlags.NonPublic | BindingFlags.Static)!;

    private static readonly MethodInfo CreateLogMethod =
        typeof(GrainActivator).GetMethod(nameof(CreateLog), BindingFlags.NonPublic | BindingFlags.Static)!;

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
        if (parameter.GetCustomAttribute<PersistentStateAttribute>() is { } state)
        {
            return Facet(info, parameter, typeof(IPersistentState<>), CreateStateMethod, state);
        }

        if (parameter.GetCustomAttribute<PersistentLogAttribute>() is { } log)
        {
            return Facet(info, parameter, typeof(IPersistentLog<>), CreateLogMethod, log);
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

    /// <summary>A resolver for a storage-bound parameter, like Orleans' attribute-driven facets.</summary>
    private static Func<ActivationData, object?> Facet(GrainClassInfo info, ParameterInfo parameter, Type facetType, MethodInfo factory, Attribute attribute)
    {
        var type = parameter.ParameterType;
        if (!type.IsGenericType || type.GetGenericTypeDefinition() != facetType)
        {
            throw new InvalidOperationException(
                $"{info.ClassType.Name}: [{attribute.GetType().Name.Replace("Attribute", "", StringComparison.Ordinal)}] parameter '{parameter.Name}' must be an {facetType.Name[..^2]}<T>.");
        }

        var create = factory.MakeGenericMethod(type.GetGenericArguments()[0]);
        return activation => create.Invoke(null, BindingFlags.DoNotWrapExceptions, null, [activation, attribute], null);
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

    private static PersistentLog<TEntry> CreateLog<TEntry>(ActivationData activation, PersistentLogAttribute attribute)
    {
        var storage = activation.Runtime.Services.GetKeyedService<ILogStorage>(attribute.StorageName)
            ?? throw new InvalidOperationException(
                $"No log storage named '{attribute.StorageName}' is registered (grain {activation.GrainId}, log '{attribute.LogName}'). Call UseMemoryStorage() or UseRedisStorage() on the silo builder.");
        return new PersistentLog<TEntry>(activation, attribute.LogName, storage);
    }
}
