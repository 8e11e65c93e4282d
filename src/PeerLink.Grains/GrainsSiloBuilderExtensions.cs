using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PeerLink.Grains.Events;
using PeerLink.Grains.Matching;
using PeerLink.Grains.Privacy;
using PeerLink.Grains.Safety;
using PeerLink.Silo.Hosting;

namespace PeerLink.Grains;

public static class GrainsSiloBuilderExtensions
{
    /// <summary>Hosts PeerLink's grains. Matching options bind from "PeerLink:Matching"; events go nowhere until a host adds a sink.</summary>
    public static ISiloBuilder AddPeerLinkGrains(this ISiloBuilder silo)
    {
        silo.AddGrains(typeof(GrainsSiloBuilderExtensions).Assembly);
        silo.Services.AddOptions<MatchingOptions>()
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
        silo.AddPeerLinkSafety();
        silo.AddPeerLinkPrivacy();
        silo.Services.TryAddSingleton<IPeerLinkEvents, NoPeerLinkEvents>();
        return silo;
    }
}
