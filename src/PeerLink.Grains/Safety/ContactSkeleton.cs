using System.Globalization;
using System.Text;

namespace PeerLink.Grains.Safety;

/// <summary>
/// A text as the contact masker reads it: look-alikes folded to the characters they pass for (full-width "＠",
/// "۰۷۷۰۰" digits, Cyrillic "о"), characters that draw nothing dropped, and digit words ("seven", "siete") read
/// as digits, each skeleton character remembering the stretch of the original it came from, so a match found in
/// the skeleton masks exactly what the person typed.
/// </summary>
internal sealed class ContactSkeleton
{
    private static readonly Dictionary<string, char> DigitWords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["zero"] = '0', ["oh"] = '0', ["one"] = '1', ["two"] = '2', ["three"] = '3', ["four"] = '4',
        ["five"] = '5', ["six"] = '6', ["seven"] = '7', ["eight"] = '8', ["nine"] = '9',
        ["cero"] = '0', ["uno"] = '1', ["dos"] = '2', ["tres"] = '3', ["cuatro"] = '4', ["cinco"] = '5',
        ["seis"] = '6', ["siete"] = '7', ["ocho"] = '8', ["nueve"] = '9',
        ["zéro"] = '0', ["deux"] = '2', ["trois"] = '3', ["quatre"] = '4', ["cinq"] = '5', ["sept"] = '7',
        ["huit"] = '8', ["neuf"] = '9',
        ["null"] = '0', ["eins"] = '1', ["zwei"] = '2', ["drei"] = '3', ["vier"] = '4', ["fünf"] = '5',
        ["sechs"] = '6', ["sieben"] = '7', ["acht"] = '8', ["neun"] = '9',
        ["um"] = '1', ["dois"] = '2', ["três"] = '3', ["quatro"] = '4', ["sete"] = '7', ["oito"] = '8', ["nove"] = '9',
        ["jeden"] = '1', ["dwa"] = '2', ["trzy"] = '3', ["cztery"] = '4', ["pięć"] = '5', ["sześć"] = '6',
        ["siedem"] = '7', ["osiem"] = '8', ["dziewięć"] = '9',
        ["нуль"] = '0', ["один"] = '1', ["два"] = '2', ["три"] = '3', ["чотири"] = '4', ["шість"] = '6',
        ["сім"] = '7', ["вісім"] = '8',
    };

    private static readonly Dictionary<string, char>.AlternateLookup<ReadOnlySpan<char>> DigitWordSpans =
        DigitWords.GetAlternateLookup<ReadOnlySpan<char>>();

    // Latin look-alikes from other scripts that an address can be typed in without looking different.
    private const string LookAlikes = "аеорсхуіјѕԁԛԝοαν";
    private const string Latin = "aeopcxyijsdqwoav";
    private static readonly string UpperLookAlikes = LookAlikes.ToUpperInvariant();

    private readonly int[] _starts;
    private readonly int[] _ends;

    private ContactSkeleton(string text, int[] starts, int[] ends)
    {
        Text = text;
        _starts = starts;
        _ends = ends;
    }

    public string Text { get; }

    /// <summary>Whether the text needs folding at all: plain ASCII with no digit word reads as it is.</summary>
    public static bool IsNeeded(string text)
    {
        foreach (var c in text)
        {
            if (c > '\u007F')
            {
                return true;
            }
        }

        return HasDigitWord(text);
    }

    public static ContactSkeleton Of(string text)
    {
        var skeleton = new StringBuilder(text.Length);
        var starts = new int[text.Length];
        var ends = new int[text.Length];
        void Emit(char c, int start, int end)
        {
            starts[skeleton.Length] = start;
            ends[skeleton.Length] = end;
            skeleton.Append(c);
        }

        var mixedWord = false;
        for (var i = 0; i < text.Length;)
        {
            var width = char.IsSurrogatePair(text, i) ? 2 : 1;
            if (char.IsLetter(text, i) && (i == 0 || !char.IsLetter(text, i - 1)))
            {
                var end = i;
                while (end < text.Length && char.IsLetter(text, end))
                {
                    end += char.IsSurrogatePair(text, end) ? 2 : 1;
                }

                // Only a word that mixes Latin letters with look-alikes from another script is disguised; a word
                // wholly in Cyrillic or Greek is read as it is.
                var word = text.AsSpan(i, end - i);
                mixedWord = (word.ContainsAnyInRange('a', 'z') || word.ContainsAnyInRange('A', 'Z'))
                    && (word.IndexOfAny(LookAlikes) >= 0 || word.IndexOfAny(UpperLookAlikes) >= 0);

                if ((end == text.Length || !char.IsDigit(text[end])) && DigitWords.TryGetValue(text[i..end], out var digit))
                {
                    Emit(digit, i, end);
                    i = end;
                    continue;
                }
            }

            if (Fold(text, i, mixedWord) is { } folded)
            {
                Emit(folded, i, i + width);
            }
            else if (!IsInvisible(text, i))
            {
                for (var k = 0; k < width; k++)
                {
                    Emit(text[i + k], i, i + width);
                }
            }

            i += width;
        }

        return new ContactSkeleton(skeleton.ToString(), starts, ends);
    }

    /// <summary>The stretch of the original text that skeleton characters <paramref name="start"/> to <paramref name="end"/> (exclusive) came from.</summary>
    public (int Start, int End) Original(int start, int end) => (_starts[start], _ends[end - 1]);

    private static bool HasDigitWord(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (!char.IsAsciiLetter(text[i]) || (i > 0 && char.IsAsciiLetter(text[i - 1])))
            {
                continue;
            }

            var end = i;
            while (end < text.Length && char.IsAsciiLetter(text[end]))
            {
                end++;
            }

            if (DigitWordSpans.ContainsKey(text.AsSpan(i, end - i)))
            {
                return true;
            }

            i = end;
        }

        return false;
    }

    /// <summary>The ASCII character a look-alike passes for; null when the character stands for itself. Letters from other scripts fold only in a <paramref name="lookAlikes"/> (mixed) word.</summary>
    private static char? Fold(string text, int i, bool lookAlikes)
    {
        var c = text[i];
        if (c <= '\u007F')
        {
            return null;
        }

        if (c is >= '\uFF01' and <= '\uFF5E')
        {
            return (char)(c - 0xFEE0); // full-width forms
        }

        if (c is '\uFE6B')
        {
            return '@'; // small commercial at
        }

        if (c is '\u3002' or '\uFF61' or '\uFE52' or '\u2024' or '\u00B7')
        {
            return '.'; // ideographic and small full stops, one-dot leader, middle dot
        }

        if (CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.SpaceSeparator)
        {
            return ' '; // no-break, thin, figure and other spaces
        }

        if (c is '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2212' or '\uFE63')
        {
            return '-';
        }

        if (CharUnicodeInfo.GetDecimalDigitValue(text, i) is >= 0 and var value)
        {
            return (char)('0' + value); // any script's decimal digits, mathematical bold ones included
        }

        var lookAlike = lookAlikes ? LookAlikes.IndexOf(char.ToLowerInvariant(c)) : -1;
        return lookAlike < 0 ? null : Latin[lookAlike];
    }

    /// <summary>Format characters (zero-width space and joiners, the word joiner, the soft hyphen, the byte-order mark) and the combining grapheme joiner.</summary>
    private static bool IsInvisible(string text, int i) =>
        CharUnicodeInfo.GetUnicodeCategory(text, i) is UnicodeCategory.Format || text[i] is '\u034F';
}
