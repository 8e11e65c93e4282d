using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PeerLink.Silo.Hosting;

namespace PeerLink.Grains.Safety;

public static class SafetySiloBuilderExtensions
{
    /// <summary>
    /// Adds the crisis detector. Its rules and crisis resources bind from "PeerLink:Safety" (the web host's
    /// safety.json) and are checked at start: a bad pattern stops start-up with a message naming it.
    /// </summary>
    public static ISiloBuilder AddPeerLinkSafety(this ISiloBuilder silo)
    {
        silo.Services.AddOptions<CrisisOptions>()
            .BindConfiguration(CrisisOptions.SectionName)
            .ValidateOnStart();
        silo.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CrisisOptions>, CrisisOptionsValidator>());
        silo.Services.TryAddSingleton<ICrisisDetector, CrisisDetector>();
        silo.Services.TryAddSingleton<MessageScreen>();
        silo.Services.AddHostedService<CrisisDetectorWarmup>();
        return silo;
    }
}
