using Microsoft.Extensions.DependencyInjection;
using PeerLink.Silo.Hosting;

namespace PeerLink.Grains.Privacy;

public static class PrivacySiloBuilderExtensions
{
    /// <summary>Binds <see cref="RetentionOptions"/> from "PeerLink:Retention" and checks them at start.</summary>
    public static ISiloBuilder AddPeerLinkPrivacy(this ISiloBuilder silo)
    {
        silo.Services.AddOptions<RetentionOptions>()
            .BindConfiguration(RetentionOptions.SectionName)
            .Validate(o => o.Transcripts > TimeSpan.Zero, "PeerLink:Retention:Transcripts must be positive, such as 30.00:00:00 for 30 days.")
            .ValidateOnStart();
        return silo;
    }
}
