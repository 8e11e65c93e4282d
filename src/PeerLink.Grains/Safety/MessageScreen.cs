using Microsoft.Extensions.Options;

namespace PeerLink.Grains.Safety;

/// <summary>What a message becomes before it is stored (contacts masked), and the risk its original words carry.</summary>
public sealed record ScreenedMessage(string Text, CrisisAssessment Assessment);

/// <summary>A crisis line, as shown to people: an immutable copy of the configured <see cref="CrisisResource"/>.</summary>
[GenerateSerializer, Immutable, Alias("peerlink.crisis-line")]
public sealed record CrisisLine([Id(0)] string Name, [Id(1)] string? Phone, [Id(2)] string? Text, [Id(3)] string? Url, [Id(4)] string? Description);

/// <summary>The one place messages pass through safety: every one-to-one and room message is screened here.</summary>
public sealed class MessageScreen(ICrisisDetector detector, IOptions<CrisisOptions> options)
{
    /// <summary>Assesses the words as written, then masks phone numbers and email addresses for storage.</summary>
    public ScreenedMessage Screen(string text, string? language) =>
        new(ContactMasker.Mask(text), detector.Assess(text, language));

    public IReadOnlyList<CrisisLine> ResourcesFor(string? locale) =>
        [.. options.Value.ResourcesFor(locale).Select(r => new CrisisLine(r.Name, r.Phone, r.Text, r.Url, r.Description))];
}
