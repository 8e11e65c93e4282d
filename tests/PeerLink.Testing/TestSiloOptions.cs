using Microsoft.Extensions.Configuration;
using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using PeerLink.Silo.Hosting;
using PeerLink.Silo.Storage;

namespace PeerLink.Testing;

/// <summary>How a <see cref="TestSilo"/> is built. Kept across restarts, so memory state and the clock survive them.</summary>
public sealed class TestSiloOptions
{
    /// <summary>Null means in-memory storage in <see cref="MemoryStore"/>.</summary>
    public string? RedisConnectionString { get; set; }

    public MemoryStore MemoryStore { get; set; } = new();

    public string ServiceId { get; set; } = $"test-{Guid.NewGuid():N}";

    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    public List<Assembly> GrainAssemblies { get; } = [];

    public Action<SiloOptions>? ConfigureSilo { get; set; }

    public Action<IServiceCollection>? ConfigureServices { get; set; }

    /// <summary>Adds configuration sources, such as a JSON file of rules the grains bind options from.</summary>
    public Action<IConfigurationBuilder>? ConfigureConfiguration { get; set; }

    /// <summary>Runs after storage is chosen, to add grains or providers the way an application would.</summary>
    public Action<ISiloBuilder>? ConfigureSiloBuilder { get; set; }
}
