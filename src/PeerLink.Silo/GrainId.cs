namespace PeerLink.Silo;

/// <summary>A grain's identity: its grain type name and its key. Stable across restarts, so it names stored state.</summary>
public readonly record struct GrainId
{
    public const int MaxKeyLength = 256;

    public GrainId(string type, string key)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(type);
        ValidateKey(key);
        Type = type;
        Key = key;
    }

    public string Type { get; }

    public string Key { get; }

    public override string ToString() => $"{Type}/{Key}";

    /// <summary>Rejects keys that would be ambiguous or unsafe in logs and storage layouts.</summary>
    public static void ValidateKey(string? key)
    {
        if (string.IsNullOrEmpty(key))
        {
            throw new ArgumentException("A grain key must not be empty.", nameof(key));
        }

        if (key.Length > MaxKeyLength)
        {
            throw new ArgumentException($"A grain key must be at most {MaxKeyLength} characters; this one has {key.Length}.", nameof(key));
        }

        foreach (var c in key)
        {
            if (char.IsControl(c))
            {
                throw new ArgumentException($"A grain key must not contain control characters (found U+{(int)c:X4}).", nameof(key));
            }
        }
    }
}
