using PeerLink.Grains.Safety;

namespace PeerLink.Grains.Tests.Safety;

public sealed class ContactMaskerTests
{
    [Theory]
    [InlineData("call me on +44 20 7946 0958 tonight", "call me on [phone removed] tonight")]
    [InlineData("+44 (0)20 7946 0958", "[phone removed]")]
    [InlineData("my number is (555) 123-4567.", "my number is [phone removed].")]
    [InlineData("555.123.4567", "[phone removed]")]
    [InlineData("text 07700 900123 or 07700900123", "text [phone removed] or [phone removed]")]
    [InlineData("+1-555-123-4567", "[phone removed]")]
    [InlineData("0033 1 23 45 67 89", "[phone removed]")]
    [InlineData("ring 612 345 678", "ring [phone removed]")]
    [InlineData("whatsapp me:+4915123456789!", "whatsapp me:[phone removed]!")]
    [InlineData("0 7 7 0 0 9 0 0 1 2 3", "[phone removed]")]
    [InlineData("0\u00A07\u00A07\u00A00\u00A00\u00A09\u00A00\u00A00\u00A01\u00A02\u00A03", "[phone removed]")]
    [InlineData("um nove um dois três quatro cinco seis sete", "[phone removed]")]
    [InlineData("zero seven seven zero zero nine zero zero one two three", "[phone removed]")]
    public void A_phone_number_is_masked(string text, string masked)
    {
        Assert.Equal(masked, ContactMasker.Mask(text));
    }

    [Theory]
    [InlineData("mail me at jo.bloggs@example.com please", "mail me at [email removed] please")]
    [InlineData("jo+peerlink@mail.example.co.uk", "[email removed]")]
    [InlineData("<Jo_B-1990@sub.domain.example.org>", "<[email removed]>")]
    [InlineData("JO@EXAMPLE.COM.", "[email removed].")]
    [InlineData("a@b.io and c.d@e-f.net", "[email removed] and [email removed]")]
    public void An_email_address_is_masked(string text, string masked)
    {
        Assert.Equal(masked, ContactMasker.Mask(text));
    }

    [Theory]
    [InlineData("write to jo@localhost", "write to [email removed]")]
    [InlineData("jo\uFF20example.com", "[email removed]")]
    [InlineData("jo @ example.com", "[email removed]")]
    [InlineData("jo%40example.com", "[email removed]")]
    [InlineData("jo(at)example(dot)com", "[email removed]")]
    [InlineData("\"jo smith\"@example.com", "[email removed]")]
    [InlineData("jo@[127.0.0.1]", "[email removed]")]
    [InlineData("jo@例え.jp", "[email removed]")]
    [InlineData("07700\u200B900\u200B123", "[phone removed]")]
    [InlineData("call 0\u200B7\u200B7\u200B0\u200B0 9\u200B0\u200B0\u200B1\u200B2\u200B3 now", "call [phone removed] now")]
    [InlineData("jo at example dot co dot uk", "[email removed]")]
    [InlineData("ana arroba example punto es", "[email removed]")]
    [InlineData("\uFF10\uFF17\uFF17\uFF10\uFF10 \uFF19\uFF10\uFF10\uFF11\uFF12\uFF13", "[phone removed]")]
    [InlineData("jo@\u0435\u0445ample.com", "[email removed]")]
    public void An_obfuscated_contact_is_masked_exactly_where_it_was_typed(string text, string masked)
    {
        Assert.Equal(masked, ContactMasker.Mask(text));
    }

    [Theory]
    [InlineData("Мій номер телефону я не дам, вибач")]
    [InlineData("I'll be at Sam's dot dot dot")]
    [InlineData("I'm at work. Net result is fine")]
    [InlineData("see you @ 5")]
    [InlineData("one day at a time, two steps forward")]
    [InlineData("1.234.567 views")]
    public void Prose_that_only_looks_like_a_contact_is_kept(string text)
    {
        Assert.Equal(text, ContactMasker.Mask(text));
    }

    [Theory]
    [InlineData("see you at 10:30 tomorrow")]
    [InlineData("my appointment is on 2026-11-22")]
    [InlineData("it happened on 22.11.2026 at 14:05")]
    [InlineData("I served from 2009-2015")]
    [InlineData("back in 1998 and again in 2004")]
    [InlineData("I am 24 and live in room 101")]
    [InlineData("it cost £1,299.99, or $15.50 a month")]
    [InlineData("the flat went for 1 250 000 euros")]
    [InlineData("pi is 3.14159265")]
    [InlineData("we met 3 times, 12 people came, 45% said yes")]
    [InlineData("@jo said hi")]
    [InlineData("")]
    public void Text_without_a_phone_number_or_email_address_is_kept(string text)
    {
        Assert.Equal(text, ContactMasker.Mask(text));
    }

    [Fact]
    public void Both_kinds_are_masked_in_one_message()
    {
        var masked = ContactMasker.Mask("I'm Sam, sam.r@example.net or 020 7946 0958 after 6:30.");

        Assert.Equal("I'm Sam, [email removed] or [phone removed] after 6:30.", masked);
    }

    [Fact]
    public void Missing_text_is_a_programming_error()
    {
        Assert.Throws<ArgumentNullException>(() => ContactMasker.Mask(null!));
    }
}
