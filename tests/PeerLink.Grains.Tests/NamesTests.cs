namespace PeerLink.Grains.Tests;

/// <summary>Names others read as who someone is cannot hide characters or turn text around.</summary>
public sealed class NamesTests
{
    [Theory]
    [InlineData("mod\u200Berator")]
    [InlineData("\u202Eadmin")]
    [InlineData("ad\u2066min\u2069")]
    [InlineData("\u3164")]
    [InlineData("\u3164\u3164\u3164")]
    [InlineData("\u200B\u200C\u200D")]
    [InlineData("\uFEFFadmin")]
    [InlineData("ad\u00ADmin")]
    [InlineData("\u2800\u2800")]
    [InlineData("mod\u2028erator")]
    [InlineData("a\u115Fb")]
    [InlineData("--")]
    [InlineData("a")]
    [InlineData("a\tb")]
    public void A_pseudonym_with_hidden_or_turning_characters_or_nothing_to_read_is_refused(string pseudonym)
    {
        var refused = Assert.Throws<RuleViolationException>(() => Validation.Pseudonym(pseudonym));

        Assert.Equal("pseudonym-invalid", refused.Code);
    }

    [Theory]
    [InlineData("River", "River")]
    [InlineData("  Zoë  ", "Zoë")]
    [InlineData("سارة", "سارة")]
    [InlineData("李雷", "李雷")]
    [InlineData("Mo 2", "Mo 2")]
    public void A_pseudonym_in_any_script_is_kept_trimmed(string pseudonym, string kept)
    {
        Assert.Equal(kept, Validation.Pseudonym(pseudonym));
    }
}
