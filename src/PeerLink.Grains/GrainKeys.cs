namespace PeerLink.Grains;

/// <summary>
/// What may name a grain. Orleans takes any string as a key; PeerLink keeps keys short and printable, because
/// they come from clients and end up in logs and in storage keys.
/// </summary>
public static class GrainKeys
{
    public const int MaxLength = 256;

    /// <exception cref="ArgumentException">The key is empty, too long, or holds control characters; the message says which.</exception>
    public static string Validate(string? key)
    {
        if (string.IsNullOrEmpty(key))
        {
            throw new ArgumentException("A grain key must not be empty.", nameof(key));
        }

        if (key.Length > MaxLength)
        {
            throw new ArgumentException($"A grain key must be at most {MaxLength} characters; this one has {key.Length}.", nameof(key));
        }

        foreach (var c in key)
        {
            if (char.IsControl(c))
            {
                throw new ArgumentException($"A grain key must not contain control characters (found U+{(int)c:X4}).", nameof(key));
            }
        }

        return key;
    }

    /// <summary>As <see cref="Validate"/>, but a bad key is a refusal with this code, for ids that arrive from people.</summary>
    public static string Require(string? key, string code, string message)
    {
        try
        {
            return Validate(key);
        }
        catch (ArgumentException)
        {
            throw new RuleViolationException(code, message);
        }
    }
}
