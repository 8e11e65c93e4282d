using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using PeerLink.Silo.Runtime;

namespace PeerLink.Silo.Hosting;

internal sealed class SiloBuilder(IServiceCollection services) : ISiloBuilder
{
    public IServiceCollection Services { get; } = services;

    public ISiloBuilder AddGrains(Assembly assembly)
    {
        Services.AddSingleton(new GrainAssembly(assembly));
        return this;
    }
}
