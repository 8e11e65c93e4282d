namespace PeerLink.Grains.Matching;

/// <summary>
/// Request and offer ids name their language pool ("en.3f2a…"), so an edge that receives only an id
/// knows which matchmaker to ask. They are opaque to clients.
/// </summary>
public static class PoolIds
{
    public static string New(string language) => $"{language}.{Guid.NewGuid():N}";

    /// <summary>The pool an id belongs to, or null when it is not a pool id at all.</summary>
    public static string? LanguageOf(string? id)
    {
        var dot = id?.IndexOf('.', StringComparison.Ordinal) ?? -1;
        return dot > 0 && id!.Length - dot - 1 == 32 ? id[..dot] : null;
    }
}
