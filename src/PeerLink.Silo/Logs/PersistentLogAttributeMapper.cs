using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using PeerLink.Grains.Logs;

namespace PeerLink.Silo.Logs;

/// <summary>
/// Gives a grain constructor parameter marked <see cref="PersistentLogAttribute"/> its log, the way Orleans' own
/// mapper gives <see cref="PersistentStateAttribute"/> parameters their state: a custom facet, so grains declare
/// their log exactly as they declare their state.
/// </summary>
internal sealed class PersistentLogAttributeMapper : IAttributeToFactoryMapper<PersistentLogAttribute>
{
    private static readonly MethodInfo CreateLog = typeof(PersistentLogAttributeMapper).GetMethod(nameof(Create), BindingFlags.NonPublic | BindingFlags.Static)!;

    public Factory<IGrainContext, object> GetFactory(ParameterInfo parameter, PersistentLogAttribute attribute)
    {
        if (!parameter.ParameterType.IsGenericType || parameter.ParameterType.GetGenericTypeDefinition() != typeof(IPersistentLog<>))
        {
            throw new ArgumentException(
                $"Parameter '{parameter.Name}' of {parameter.Member.DeclaringType} is marked [PersistentLog] but is a {parameter.ParameterType}; it must be an {typeof(IPersistentLog<>).Name}.",
                parameter.Name);
        }

        // The generic method is made once per parameter, not per activation.
        var create = CreateLog.MakeGenericMethod(parameter.ParameterType.GetGenericArguments());
        var factory = (Func<IGrainContext, object>)create.CreateDelegate(typeof(Func<IGrainContext, object>), attribute);
        return context => factory(context);
    }

    private static object Create<TEntry>(PersistentLogAttribute attribute, IGrainContext context)
    {
        var services = context.ActivationServices;
        var storage = services.GetKeyedService<ILogStorage>(attribute.StorageName)
            ?? throw new InvalidOperationException($"No log storage named '{attribute.StorageName}' is configured for grain {context.GrainId}.");
        return new PersistentLog<TEntry>(context.GrainId, attribute.LogName, storage, services.GetRequiredService<IGrainStorageSerializer>());
    }
}
