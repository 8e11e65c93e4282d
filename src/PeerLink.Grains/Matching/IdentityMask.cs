namespace PeerLink.Grains.Matching;

/// <summary>
/// Sets of identities as bits, so a matching decision tests membership with a mask instead of hashing
/// strings. Positions come from an <see cref="IdentityBits"/>; masks of different lengths compare as if
/// padded with zeros, so identities added later need no re-encoding.
/// </summary>
public static class IdentityMask
{
    public static bool Has(ulong[] mask, int bit) => bit >> 6 < mask.Length && (mask[bit >> 6] & (1UL << (bit & 63))) != 0;

    public static bool Overlaps(ulong[] a, ulong[] b)
    {
        var words = Math.Min(a.Length, b.Length);
        for (var i = 0; i < words; i++)
        {
            if ((a[i] & b[i]) != 0)
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>Gives each identity id a bit position, for the life of one queue.</summary>
public sealed class IdentityBits
{
    private readonly Dictionary<string, int> positions = new(StringComparer.Ordinal);

    public int BitOf(string identity)
    {
        if (!positions.TryGetValue(identity, out var bit))
        {
            positions[identity] = bit = positions.Count;
        }

        return bit;
    }

    public ulong[] MaskOf(IEnumerable<string> identities)
    {
        var bits = identities.Select(BitOf).ToArray();
        var mask = new ulong[bits.Length == 0 ? 1 : (bits.Max() >> 6) + 1];
        foreach (var bit in bits)
        {
            mask[bit >> 6] |= 1UL << (bit & 63);
        }

        return mask;
    }
}
