using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace PeerLink.Grains.Privacy;

/// <summary>How long PeerLink keeps what people wrote, bound from "PeerLink:Retention".</summary>
public sealed class RetentionOptions
{
    public const string SectionName = "PeerLink:Retention";

    /// <summary>
    /// How long messages are kept: a conversation's transcript from when it ended, a room's message from
    /// when it was sent.
    /// </summary>
    public TimeSpan Transcripts { get; set; } = TimeSpan.FromDays(30);

    /// <summary>For grains, which resolve it where they use it rather than through their constructors.</summary>
    public static TimeSpan TranscriptsIn(IServiceProvider services) => services.GetRequiredService<IOptions<RetentionOptions>>().Value.Transcripts;
}
