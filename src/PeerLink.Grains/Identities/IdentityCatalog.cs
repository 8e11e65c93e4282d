using System.Collections.Frozen;

namespace PeerLink.Grains.Identities;

/// <summary>An immutable view of the identity list, with relations made symmetric.</summary>
public sealed class IdentityCatalog
{
    private readonly FrozenDictionary<string, Identity> byId;
    private readonly FrozenDictionary<string, FrozenSet<string>> related;

    public IdentityCatalog(IEnumerable<Identity> identities)
    {
        Identities = [.. identities];
        byId = Identities.ToFrozenDictionary(i => i.Id, StringComparer.Ordinal);
        var links = Identities.ToDictionary(i => i.Id, _ => new HashSet<string>(StringComparer.Ordinal), StringComparer.Ordinal);
        foreach (var identity in Identities)
        {
            foreach (var other in identity.Related.Where(r => r != identity.Id && links.ContainsKey(r)))
            {
                links[identity.Id].Add(other);
                links[other].Add(identity.Id);
            }
        }

        related = links.ToFrozenDictionary(p => p.Key, p => p.Value.ToFrozenSet(StringComparer.Ordinal), StringComparer.Ordinal);
    }

    public IReadOnlyList<Identity> Identities { get; }

    public bool Contains(string id) => byId.ContainsKey(id);

    public Identity Get(string id) => byId[id];

    /// <summary>Identities related to <paramref name="id"/>, in either direction.</summary>
    public IReadOnlySet<string> RelatedTo(string id) => related.TryGetValue(id, out var set) ? set : FrozenSet<string>.Empty;

    public bool AreRelated(string a, string b) => RelatedTo(a).Contains(b);
}
