using System.Reflection;
using Microsoft.Extensions.DependencyInjection;

namespace PeerLink.Silo.Hosting;

/// <summary>Configures the silo: which grains it hosts and where their state lives.</summary>
public interface ISiloBuilder
{
    IServiceCollection Services { get; }

    /// <summary>Hosts every grain class in this assembly.</summary>
    ISiloBuilder AddGrains(Assembly assembly);
}
