using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PeerLink.Grains.Events;
using PeerLink.Grains.Matching;
using PeerLink.Grains.Privacy;
using PeerLink.Grains.Safety;
using PeerLink.Grains.Telemetry;

namespace PeerLink.Grains;

/// <summary>What PeerLink's grains need from their host besides Orleans itself: their options and the safety services.</summary>
public static class PeerLinkGrainsServiceCollectionExtensions
{
    /// <summary>
    /// Binds and checks the domain's options (each bad value stops start-up with a message naming the setting), adds
    /// the crisis detector, and lets events go nowhere until the host adds a sink for them.
    /// </summary>
    public static IServiceCollection AddPeerLinkGrains(this IServiceCollection services)
    {
        services.AddOptions<MatchingOptions>()
            .BindConfiguration(MatchingOptions.SectionName)
            .Validate(o => o.Languages.Count > 0 && o.Languages.All(l => l.Length is >= 2 and <= 8 && l.All(char.IsAsciiLetterLower)), "PeerLink:Matching:Languages are lower-case language codes, at least one.")
            .Validate(o => o.OfferWindow > TimeSpan.Zero && o.Tick > TimeSpan.Zero && o.PresenceTimeout > TimeSpan.Zero, "PeerLink:Matching times must be positive.")
            .Validate(o => o.RelatedIdentityAfter <= o.AnyPeerAfter, "PeerLink:Matching:RelatedIdentityAfter must not come after AnyPeerAfter.")
            .Validate(o => o.WaitSamples > 0, "PeerLink:Matching:WaitSamples must be positive.")
            .PostConfigure(o =>
            {
                if (o.Languages.Count == 0)
                {
                    o.Languages.AddRange(MatchingOptions.DefaultLanguages);
                }
            })
            .ValidateOnStart();
        services.AddOptions<RetentionOptions>()
            .BindConfiguration(RetentionOptions.SectionName)
            .Validate(o => o.Transcripts > TimeSpan.Zero, "PeerLink:Retention:Transcripts must be positive, such as 30.00:00:00 for 30 days.")
            .ValidateOnStart();

        // The crisis rules and lines bind from "PeerLink:Safety" (Safety/safety.json) and are checked at start:
        // a bad pattern stops start-up with a message naming it.
        services.AddOptions<CrisisOptions>()
            .BindConfiguration(CrisisOptions.SectionName)
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CrisisOptions>, CrisisOptionsValidator>());
        services.TryAddSingleton<ICrisisDetector, CrisisDetector>();
        services.TryAddSingleton<MessageScreen>();
        services.AddHostedService<CrisisDetectorWarmup>();

        // PeerLink's meter; IMeterFactory comes with the host (AddMetrics).
        services.AddMetrics();
        services.TryAddSingleton<PeerLinkMetrics>();

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IPeerLinkEvents, NoPeerLinkEvents>();
        return services;
    }
}
