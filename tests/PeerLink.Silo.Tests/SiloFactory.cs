using Microsoft.Extensions.DependencyInjection;
using PeerLink.Silo.Tests.Grains;
using PeerLink.Testing;

namespace PeerLink.Silo.Tests;

/// <summary>Starts test silos hosting this assembly's grains, with a fresh log and activation switch.</summary>
internal static class SiloFactory
{
    public static Task<TestSilo> StartAsync(Action<TestSiloOptions>? configure = null) =>
        TestSilo.StartAsync(options =>
        {
            options.GrainAssemblies.Add(typeof(SiloFactory).Assembly);
            var log = new GrainLog();
            var activationSwitch = new ActivationSwitch();
            configure?.Invoke(options);
            var more = options.ConfigureServices;
            options.ConfigureServices = services =>
            {
                services.AddSingleton(log).AddSingleton(activationSwitch);
                more?.Invoke(services);
            };
        });

    public static GrainLog Log(this TestSilo silo) => silo.Services.GetRequiredService<GrainLog>();

    public static ActivationSwitch ActivationSwitch(this TestSilo silo) => silo.Services.GetRequiredService<ActivationSwitch>();
}
