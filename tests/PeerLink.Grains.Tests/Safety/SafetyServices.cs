using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PeerLink.Grains.Safety;

namespace PeerLink.Grains.Tests.Safety;

/// <summary>The safety services as a host builds them, from the shipped safety.json plus any overrides.</summary>
internal static class SafetyServices
{
    /// <summary>One detector on the real rules, shared because compiling them is the slow part.</summary>
    public static readonly ICrisisDetector Detector = Build().GetRequiredService<ICrisisDetector>();

    public static ServiceProvider Build(IReadOnlyDictionary<string, string?>? overrides = null, bool withSafetyJson = true)
    {
        var configuration = new ConfigurationBuilder();
        if (withSafetyJson)
        {
            configuration.AddJsonFile(Path.Combine(AppContext.BaseDirectory, "safety.json"), optional: false);
        }

        configuration.AddInMemoryCollection(overrides ?? new Dictionary<string, string?>());
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration.Build());
        services.AddLogging().AddPeerLinkGrains();
        return services.BuildServiceProvider();
    }

    /// <summary>Runs the checks a host runs when it starts (ValidateOnStart).</summary>
    public static void ValidateAsAtStart(this IServiceProvider services) => services.GetRequiredService<IStartupValidator>().Validate();
}
