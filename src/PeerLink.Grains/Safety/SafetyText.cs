using System.Text;

namespace PeerLink.Grains.Safety;

/// <summary>The one text form crisis rules are written against.</summary>
internal static class SafetyText
{
    // Text reaches the rules in NFC (Validation), so each accented letter is one character, which this table
    // maps to its plain letter.
    private const string Accented = "àáâãäåāăąçćčďèéêëēėęěìíîïīįñńňòóôõöøōőùúûüūůűųýÿžźżšśłřťğ";
    private const string Plain = "aaaaaaaaacccdeeeeeeeeiiiiiinnnoooooooouuuuuuuuyyzzzsslrtg";

    /// <summary>Lower case, accents and apostrophes dropped ("I’m" is "im", "MÁS" is "mas"), whitespace runs as one space.</summary>
    public static string Normalise(string text)
    {
        var normal = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (c is '\'' or '’' or '‘' or '`' or 'ʼ' or '´')
            {
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                pendingSpace = normal.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                normal.Append(' ');
                pendingSpace = false;
            }

            var lower = char.ToLowerInvariant(c);
            var accent = Accented.IndexOf(lower);
            normal.Append(accent < 0 ? lower : Plain[accent]);
        }

        return normal.ToString();
    }
}
