using PeerLink.Grains.Safety;

namespace PeerLink.Grains.Tests.Safety;

public sealed class CrisisDetectorTests
{
    private static CrisisAssessment Assess(string text, string? language = "en") => SafetyServices.Detector.Assess(text, language);

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\n\t")]
    public void Empty_or_blank_text_is_none(string text)
    {
        Assert.Equal(CrisisAssessment.None, Assess(text));
    }

    [Fact]
    public void Missing_text_is_a_programming_error()
    {
        Assert.Throws<ArgumentNullException>(() => Assess(null!));
    }

    [Fact]
    public void A_message_whose_accents_were_typed_as_combining_marks_meets_the_same_rules_once_it_is_validated()
    {
        // "Estarían mejor sin mí", each accent typed after its letter, as some keyboards send it.
        var typed = "Estari\u0301an mejor sin mi\u0301";

        Assert.Equal(new CrisisAssessment(RiskLevel.High, "es:high:mejor-sin-mi"), Assess(Validation.MessageText(typed), "es"));
        Assert.Equal(Assess("Estarían mejor sin mí", "es"), Assess(Validation.MessageText(typed), "es"));
    }

    [Fact]
    public void A_high_match_names_its_language_and_rule()
    {
        Assert.Equal(new CrisisAssessment(RiskLevel.High, "en:high:kill-myself"), Assess("I want to kill myself"));
    }

    [Theory]
    [InlineData("I would never kill myself")]
    [InlineData("I'm not going to kill myself, don't worry")]
    [InlineData("I have no intention of hurting myself")]
    public void A_negated_statement_is_not_a_crisis(string text)
    {
        Assert.Equal(RiskLevel.None, Assess(text).Level);
    }

    [Theory]
    [InlineData("I'm not joking, I want to kill myself")]
    [InlineData("I'm not okay but I want to die")]
    [InlineData("I don't want to live anymore")]
    [InlineData("I can't stop thinking about killing myself")]
    public void A_negation_in_another_clause_or_inside_the_phrase_does_not_hide_risk(string text)
    {
        Assert.Equal(RiskLevel.High, Assess(text).Level);
    }

    [Theory]
    [InlineData("This deadline is killing me")]
    [InlineData("I could kill for a coffee")]
    [InlineData("I'm dying to see you")]
    [InlineData("Shoot me an email")]
    [InlineData("I'd rather die than go to that party")]
    [InlineData("I cut myself shaving this morning")]
    public void A_figure_of_speech_is_not_a_crisis(string text)
    {
        Assert.Equal(RiskLevel.None, Assess(text).Level);
    }

    [Fact]
    public void Risk_told_in_the_past_is_a_concern_not_an_alert()
    {
        Assert.Equal(new CrisisAssessment(RiskLevel.Concern, "en:high:kill-myself+past"), Assess("I tried to kill myself two years ago"));
        Assert.Equal(RiskLevel.High, Assess("I tried to kill myself two years ago and I want to kill myself now").Level);
    }

    [Theory]
    [InlineData("I DON’T   want to live anymore")]
    [InlineData("i dont want to live any more")]
    [InlineData("I don't want to live anymore.")]
    public void Case_curly_apostrophes_and_spacing_do_not_matter(string text)
    {
        Assert.Equal(RiskLevel.High, Assess(text).Level);
    }

    [Theory]
    [InlineData("tlh")]
    [InlineData("")]
    [InlineData(null)]
    public void A_language_without_rules_is_assessed_with_the_english_rules(string? language)
    {
        Assert.Equal(new CrisisAssessment(RiskLevel.High, "en:high:want-to-die"), Assess("I want to die", language));
    }

    [Theory]
    [InlineData("es")]
    [InlineData("es-MX")]
    [InlineData("ES_es")]
    public void Spanish_is_assessed_with_the_spanish_rules(string language)
    {
        Assert.Equal(new CrisisAssessment(RiskLevel.High, "es:high:quiero-morir"), Assess("Quiero morirme", language));
        Assert.Equal(RiskLevel.None, Assess("me muero de ganas de verte", language).Level);
    }

    [Fact]
    public void A_spanish_conversation_is_also_checked_with_the_english_rules()
    {
        Assert.Equal(new CrisisAssessment(RiskLevel.High, "en:high:want-to-die"), Assess("I want to die", "es"));
    }

    [Fact]
    public void Spanish_rules_do_not_apply_to_an_english_conversation()
    {
        Assert.Equal(RiskLevel.None, Assess("quiero morirme", "en").Level);
    }

    [Fact]
    public void Accents_are_optional_in_spanish()
    {
        Assert.Equal(RiskLevel.High, Assess("no quiero vivir más", "es").Level);
        Assert.Equal(RiskLevel.High, Assess("NO QUIERO VIVIR MAS", "es").Level);
    }
}
