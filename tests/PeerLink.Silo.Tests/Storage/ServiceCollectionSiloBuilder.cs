using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using PeerLink.Silo.Hosting;

namespace PeerLink.Silo.Tests.Storage;

/// <summary>A silo builder that only collects services, enough to test storage registration.</summary>
internal sealed class ServiceCollectionSiloBuilder : ISiloBuilder
{
    public IServiceCollection Services { get; } = new ServiceCollection();

    public ISiloBuilder AddGrains(Assembly assembly) => throw new NotSupportedException("Storage registration tests host no grains.");
}
