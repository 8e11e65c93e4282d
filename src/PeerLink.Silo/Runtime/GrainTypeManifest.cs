using System.Collections.Concurrent;
using System.Reflection;

namespace PeerLink.Silo.Runtime;

/// <summary>Maps grain interfaces and grain type names to the grain classes that implement them.</summary>
internal sealed class GrainTypeManifest
{
    private static readonly Type[] MarkerInterfaces = [typeof(IGrain), typeof(IGrainWithStringKey), typeof(Reminders.IRemindable)];

    private readonly Dictionary<string, GrainClassInfo> byTypeName = new(StringComparer.Ordinal);
    private readonly Dictionary<Type, List<GrainClassInfo>> byInterface = [];
    private readonly ConcurrentDictionary<Type, GrainClassInfo> resolved = new();

    public GrainTypeManifest(IEnumerable<GrainAssembly> assemblies)
    {
        foreach (var type in assemblies.Select(a => a.Assembly).Distinct().SelectMany(a => a.GetTypes()))
        {
            if (type.IsAbstract || !type.IsClass || !type.IsSubclassOf(typeof(Grain)))
            {
                continue;
            }

            var info = new GrainClassInfo(type);
            if (!byTypeName.TryAdd(info.TypeName, info))
            {
                throw new InvalidOperationException(
                    $"Grain classes {byTypeName[info.TypeName].ClassType.FullName} and {type.FullName} share the grain type name '{info.TypeName}'. Give one a [GrainType] name.");
            }

            foreach (var iface in type.GetInterfaces().Where(i => typeof(IGrain).IsAssignableFrom(i) && !MarkerInterfaces.Contains(i)))
            {
                if (!byInterface.TryGetValue(iface, out var list))
                {
                    byInterface[iface] = list = [];
                }

                list.Add(info);
            }
        }
    }

    public IReadOnlyCollection<GrainClassInfo> Classes => byTypeName.Values;

    public GrainClassInfo ForInterface(Type grainInterface) => resolved.GetOrAdd(grainInterface, Resolve, this);

    public GrainClassInfo ForTypeName(string typeName) =>
        byTypeName.TryGetValue(typeName, out var info)
            ? info
            : throw new InvalidOperationException($"No grain class has the grain type name '{typeName}'.");

    private static GrainClassInfo Resolve(Type grainInterface, GrainTypeManifest self)
    {
        if (!self.byInterface.TryGetValue(grainInterface, out var candidates))
        {
            throw new ArgumentException(
                $"No grain class implements {grainInterface.Name}. Register its assembly with ISiloBuilder.AddGrains.", nameof(grainInterface));
        }

        if (candidates.Count > 1)
        {
            throw new ArgumentException(
                $"{grainInterface.Name} is implemented by several grain classes ({string.Join(", ", candidates.Select(c => c.ClassType.Name))}); it must name exactly one.",
                nameof(grainInterface));
        }

        GrainInterfaceValidator.Validate(grainInterface);
        return candidates[0];
    }
}

/// <summary>An assembly whose grain classes the silo hosts.</summary>
internal sealed record GrainAssembly(Assembly Assembly);
