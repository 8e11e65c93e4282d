using System.Globalization;
using PeerLink.Grains.Identities;
using PeerLink.Grains.Matching;
using PeerLink.Grains.Safety;

namespace PeerLink.Grains;

/// <summary>The domain's input rules, in one place. Each failure is a <see cref="RuleViolationException"/> that says why.</summary>
public static class Validation
{
    public const int MaxIdentities = 8;
    public const int MaxTopicLength = 200;
    public const int MaxMessageLength = 4000;

    /// <summary>A <see cref="Name"/> that holds no phone number or email address: others read it, and records keep it after the account is gone.</summary>
    public static string Pseudonym(string? pseudonym)
    {
        var name = Name(pseudonym, 2, 32, "pseudonym-invalid", "A pseudonym is 2 to 32 characters on one line, with a letter or a digit and no invisible characters.");
        return ContactMasker.HoldsContact(name)
            ? throw new RuleViolationException("pseudonym-has-contact", "A pseudonym cannot be or hold a phone number or an email address.")
            : name;
    }

    /// <summary>
    /// A name others read as who or what something is (a pseudonym, a room's title, an identity's name): trimmed, <paramref name="min"/> to <paramref name="max"/> characters with at least one letter or digit, and
    /// nothing that draws nothing or turns text around, so "mod\u200Berator" or "\u202Enimda" cannot pass for
    /// someone they are not.
    /// </summary>
    public static string Name(string? value, int min, int max, string code, string message)
    {
        var text = Nfc((value ?? string.Empty).Trim(), code, message);
        return text.Length >= min && text.Length <= max && !text.Any(c => char.IsControl(c) || IsInvisible(c)) && text.Any(char.IsLetterOrDigit)
            ? text
            : throw new RuleViolationException(code, message);
    }

    public static IReadOnlyList<string> Identities(IReadOnlyList<string>? identities, IReadOnlyList<Identity> catalog, bool allowEmpty)
    {
        if (identities is null || (!allowEmpty && identities.Count == 0))
        {
            throw new RuleViolationException("identities-required", "Choose at least one identity, most important first.");
        }

        if (identities.Count > MaxIdentities)
        {
            throw new RuleViolationException("identities-too-many", $"Choose at most {MaxIdentities} identities.");
        }

        if (identities.Distinct(StringComparer.Ordinal).Count() != identities.Count)
        {
            throw new RuleViolationException("identities-repeated", "Each identity can be chosen once.");
        }

        var unknown = identities.Where(id => catalog.All(i => i.Id != id)).ToList();
        if (unknown.Count > 0)
        {
            throw new RuleViolationException("identity-unknown", $"Unknown identities: {string.Join(", ", unknown)}.");
        }

        return identities;
    }

    public static string Language(string? language, MatchingOptions options)
    {
        if (language is null || !options.Languages.Contains(language, StringComparer.Ordinal))
        {
            throw new RuleViolationException("language-unsupported", $"Language '{language}' is not supported. Supported: {string.Join(", ", options.Languages)}.");
        }

        return language;
    }

    public static IReadOnlyList<string> Languages(IReadOnlyList<string>? languages, MatchingOptions options)
    {
        var list = languages ?? [];
        foreach (var language in list)
        {
            Language(language, options);
        }

        return [.. list.Distinct(StringComparer.Ordinal)];
    }

    public static string TimeZone(string? timeZone)
    {
        if (string.IsNullOrWhiteSpace(timeZone) || !TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out _))
        {
            throw new RuleViolationException("time-zone-unknown", $"Time zone '{timeZone}' is not known; use an IANA name such as \"Europe/London\".");
        }

        return timeZone;
    }

    public static string? Topic(string? topic) =>
        OptionalLine(topic, MaxTopicLength, "topic-invalid", $"What's on your mind is one line of at most {MaxTopicLength} characters.");

    /// <summary>
    /// One line of free text that others read (a topic, a reason, a note, a description): trimmed, direction overrides
    /// dropped, at most <paramref name="max"/> characters, and contact details masked; null when nothing visible is left.
    /// </summary>
    public static string? OptionalLine(string? text, int max, string code, string message)
    {
        var cleaned = FreeText(text, code, message);
        if (!HasVisible(cleaned))
        {
            return null;
        }

        var trimmed = cleaned.Trim();
        return trimmed.Length <= max && !trimmed.Any(char.IsControl)
            ? ContactMasker.Mask(trimmed)
            : throw new RuleViolationException(code, message);
    }

    /// <summary>A message is text of 1 to 4,000 characters; line breaks and tabs are fine, other control characters are not.</summary>
    public static string MessageText(string? raw)
    {
        var text = FreeText(raw, "message-invalid", "A message must be well-formed text.");
        if (!HasVisible(text))
        {
            throw new RuleViolationException("message-empty", "A message needs some text.");
        }

        if (text.Length > MaxMessageLength)
        {
            throw new RuleViolationException("message-too-long", $"A message is at most {MaxMessageLength} characters; this one has {text.Length}.");
        }

        if (text.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')))
        {
            throw new RuleViolationException("message-invalid", "A message cannot contain control characters.");
        }

        return text;
    }

    /// <summary>
    /// Free text as stored: the characters that embed, override or isolate a direction taken out (they can make text
    /// read backwards); marks that only hint a direction stay, as right-to-left writing needs them. In NFC.
    /// </summary>
    private static string FreeText(string? text, string code, string message)
    {
        var value = text ?? string.Empty;
        return Nfc(value.Any(IsDirectionChange) ? string.Concat(value.Where(c => !IsDirectionChange(c))) : value, code, message);
    }

    /// <summary>
    /// Text in Unicode's composed form (NFC), so an "é" typed as "e" and a combining accent and one typed as one letter
    /// are the same text: the same name to whoever reads it, the same words to the crisis rules and the contact masker.
    /// Text that is not well-formed (half of a surrogate pair alone) has no normal form and is refused.
    /// </summary>
    private static string Nfc(string text, string code, string message)
    {
        try
        {
            return text.IsNormalized() ? text : text.Normalize();
        }
        catch (ArgumentException)
        {
            throw new RuleViolationException(code, message);
        }
    }

    private static bool HasVisible(string text) => text.Any(c => !char.IsWhiteSpace(c) && !char.IsControl(c) && !IsInvisible(c));

    private static bool IsDirectionChange(char c) => c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');

    /// <summary>Characters that draw nothing: format characters (zero-width space and joiners, direction controls, the byte-order mark), line and paragraph separators, and the letters and symbols that render blank (Hangul fillers, the braille blank, the combining grapheme joiner, Khmer's inherent vowels).</summary>
    private static bool IsInvisible(char c) =>
        char.GetUnicodeCategory(c) is UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
        || c is '\u034F' or '\u115F' or '\u1160' or '\u17B4' or '\u17B5' or '\u180E' or '\u2800' or '\u3164' or '\uFFA0';
}
