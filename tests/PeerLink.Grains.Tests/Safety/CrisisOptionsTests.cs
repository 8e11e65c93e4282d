using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PeerLink.Grains.Safety;

namespace PeerLink.Grains.Tests.Safety;

/// <summary>The "PeerLink:Safety" configuration: checked at start, extensible by configuration alone.</summary>
public sealed class CrisisOptionsTests
{
    private static OptionsValidationException StartFails(IReadOnlyDictionary<string, string?>? overrides = null, bool withSafetyJson = true)
    {
        using var services = SafetyServices.Build(overrides, withSafetyJson);
        return Assert.Throws<OptionsValidationException>(services.ValidateAsAtStart);
    }

    [Fact]
    public void The_shipped_safety_json_passes_the_start_up_checks()
    {
        using var services = SafetyServices.Build();

        services.ValidateAsAtStart();
    }

    [Fact]
    public void A_bad_pattern_stops_start_up_with_a_message_naming_it()
    {
        var error = StartFails(new Dictionary<string, string?> { ["PeerLink:Safety:Languages:en:High:broken"] = "(unclosed" });

        Assert.Contains("PeerLink:Safety:Languages:en:High:broken is not a valid regular expression", error.Message);
    }

    [Fact]
    public void Without_safety_json_start_up_fails_and_says_so()
    {
        var error = StartFails(withSafetyJson: false);

        Assert.Contains("FallbackLanguage 'en' needs rules", error.Message);
        Assert.Contains("safety.json", error.Message);
        Assert.Contains("needs crisis resources for the fallback language", error.Message);
    }

    [Theory]
    [InlineData("PeerLink:Safety:Resources:en:2:Name", "Nobody", "PeerLink:Safety:Resources:en:2 needs a Phone, Text or Url.")]
    [InlineData("PeerLink:Safety:Resources:en:2:Url", "samaritans dot org", "is not an absolute http(s) address")]
    [InlineData("PeerLink:Safety:MatchTimeout", "00:00:00", "MatchTimeout must be more than zero")]
    [InlineData("PeerLink:Safety:Languages:EN-gb:High:x", "x", "is not a lower-case language code")]
    [InlineData("PeerLink:Safety:Languages:en:NegationWindow", "40", "NegationWindow must be 0 to 12 words")]
    [InlineData("PeerLink:Safety:Languages:en:Concern:blank", " ", "PeerLink:Safety:Languages:en:Concern:blank is empty.")]
    [InlineData("PeerLink:Safety:Languages:en:FiguresOfSpeech:dying-for", "dying [to", "PeerLink:Safety:Languages:en:FiguresOfSpeech:dying-for is not a valid regular expression")]
    [InlineData("PeerLink:Safety:Languages:en:Negations:0", "no(", "PeerLink:Safety:Languages:en:Negations:0 is not a valid regular expression")]
    public void A_bad_setting_stops_start_up_with_a_clear_message(string key, string value, string message)
    {
        var error = StartFails(new Dictionary<string, string?> { [key] = value });

        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void A_language_added_in_configuration_alone_is_assessed()
    {
        using var services = SafetyServices.Build(new Dictionary<string, string?>
        {
            ["PeerLink:Safety:Languages:fr:High:veux-mourir"] = "je veux (mourir|me tuer)",
            ["PeerLink:Safety:Languages:fr:Negations:0"] = "ne",
        });
        services.ValidateAsAtStart();
        var detector = services.GetRequiredService<ICrisisDetector>();

        Assert.Equal(new CrisisAssessment(RiskLevel.High, "fr:high:veux-mourir"), detector.Assess("Je veux mourir.", "fr-CA"));
    }

    [Theory]
    [InlineData("en-GB", "Samaritans")]
    [InlineData("en-gb", "Samaritans")]
    [InlineData("en-US", "988 Suicide & Crisis Lifeline")]
    [InlineData("en-AU", "Emergency services")]
    [InlineData("es-ES", "Línea 024")]
    [InlineData("es-MX", "Emergencias")]
    [InlineData("de-DE", "Emergency services")]
    [InlineData(null, "Emergency services")]
    public void Crisis_resources_come_from_the_locale_then_its_language_then_english(string? locale, string first)
    {
        using var services = SafetyServices.Build();
        var options = services.GetRequiredService<IOptions<CrisisOptions>>().Value;

        var resources = options.ResourcesFor(locale);

        Assert.Equal(first, resources[0].Name);
        Assert.All(resources, r => Assert.False(string.IsNullOrWhiteSpace(r.Phone ?? r.Text ?? r.Url)));
    }
}
