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
