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

    [Theory]
    [InlineData("Zoe\u0308", "Zo\u00EB")]
    [InlineData("Jose\u0301", "Jos\u00E9")]
    [InlineData("\u1100\u1161\u1102\u1161", "\uAC00\uB098")]
    public void A_name_typed_with_combining_marks_is_kept_composed_so_it_is_the_same_name_as_one_typed_whole(string typed, string kept)
    {
        Assert.Equal(kept, Validation.Pseudonym(typed));
        Assert.Equal(kept, Validation.Name(typed, 1, 32, "group-title-invalid", "A title."));
    }

    [Fact]
    public void Free_text_is_kept_composed_and_text_that_is_not_well_formed_is_refused()
    {
        Assert.Equal("caf\u00E9 ma\u00F1ana", Validation.MessageText("cafe\u0301 man\u0303ana"));
        Assert.Equal("caf\u00E9", Validation.Topic("cafe\u0301"));

        Assert.Equal("message-invalid", Assert.Throws<RuleViolationException>(() => Validation.MessageText("half a pair \uD83D here")).Code);
        Assert.Equal("topic-invalid", Assert.Throws<RuleViolationException>(() => Validation.Topic("\uDE00 alone")).Code);
        Assert.Equal("pseudonym-invalid", Assert.Throws<RuleViolationException>(() => Validation.Pseudonym("Jo\uD800")).Code);
    }

    [Theory]
    [InlineData("jo.bloggs@example.com")]
    [InlineData("07700 900123")]
    [InlineData("Jo 07700900123")]
    [InlineData("jo (at) example (dot) com")]
    [InlineData("ｊｏ＠ｅｘａｍｐｌｅ．ｃｏｍ")]
    [InlineData("Sam +44 7700 900123")]
    public void A_pseudonym_that_is_or_holds_a_phone_number_or_an_email_address_is_refused(string pseudonym)
    {
        var refused = Assert.Throws<RuleViolationException>(() => Validation.Pseudonym(pseudonym));

        Assert.Equal("pseudonym-has-contact", refused.Code);
    }

    [Theory]
    [InlineData("Jo at home")]
    [InlineData("Mo 1987")]
    [InlineData("@river")]
    public void A_pseudonym_that_only_looks_like_a_contact_is_kept(string pseudonym)
    {
        Assert.Equal(pseudonym, Validation.Pseudonym(pseudonym));
    }

    [Theory]
    [InlineData("call me on 07700 900123 or jo.topic@example.com", "call me on [phone removed] or [email removed]")]
    [InlineData("feeling low, jo at example dot com", "feeling low, [email removed]")]
    [InlineData("  since 2019 things got hard  ", "since 2019 things got hard")]
    public void A_topic_is_kept_with_its_contact_details_masked(string topic, string kept)
    {
        Assert.Equal(kept, Validation.Topic(topic));
    }
}
