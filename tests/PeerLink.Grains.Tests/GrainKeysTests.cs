namespace PeerLink.Grains.Tests;

/// <summary>Ids that arrive from people name grains; PeerLink takes only short, printable ones.</summary>
public sealed class GrainKeysTests
{
    [Theory]
    [InlineData("", "must not be empty")]
    [InlineData("a\u0000b", "must not contain control characters (found U+0000)")]
    [InlineData("line\nbreak", "must not contain control characters (found U+000A)")]
    public void An_invalid_key_is_rejected_with_the_reason(string key, string reason)
    {
        var failure = Assert.Throws<ArgumentException>(() => GrainKeys.Validate(key));

        Assert.Contains(reason, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_over_256_characters_is_rejected_with_its_length()
    {
        var failure = Assert.Throws<ArgumentException>(() => GrainKeys.Validate(new string('k', 257)));

        Assert.Contains("at most 256 characters; this one has 257", failure.Message, StringComparison.Ordinal);
        Assert.Equal(new string('k', 256), GrainKeys.Validate(new string('k', 256)));
    }

    [Fact]
    public void A_bad_id_from_a_person_is_a_refusal_with_the_code_given()
    {
        var refusal = Assert.Throws<RuleViolationException>(() => GrainKeys.Require(new string('x', 300), "conversation-unknown", "There is no such conversation."));

        Assert.Equal("conversation-unknown", refusal.Code);
    }
}
