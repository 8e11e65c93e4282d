using System.Text.RegularExpressions;
using PeerLink.Grains.People;

namespace PeerLink.Grains.Identities;

public sealed class IdentityCatalogState
{
    public long Version { get; set; }

    /// <summary>Null until first seeded with <see cref="DefaultIdentities"/>.</summary>
    public List<Identity>? Identities { get; set; }
}

[GrainType("identitycatalog")]
public sealed partial class IdentityCatalogGrain(
    [PersistentState("catalog")] IPersistentState<IdentityCatalogState> catalog) : Grain, IIdentityCatalogGrain
{
    public const string Key = "default";

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (catalog.State.Identities is null)
        {
            catalog.State.Identities = [.. DefaultIdentities.All];
            catalog.State.Version = 1;
            await catalog.WriteStateAsync();
        }
    }

    public Task<CatalogSnapshot> GetCatalog() => Task.FromResult(Snapshot());

    public async Task<CatalogSnapshot> Upsert(Identity identity, string actorId)
    {
        await ActingAdmin.RequireAsync(GrainFactory, actorId);
        Validate(identity);
        var list = catalog.State.Identities!;
        var unknown = identity.Related.Where(r => r != identity.Id && list.All(i => i.Id != r)).ToList();
        if (unknown.Count > 0)
        {
            throw new RuleViolationException("identity-unknown", $"Related identities are not in the catalog: {string.Join(", ", unknown)}.");
        }

        var next = list.Where(i => i.Id != identity.Id).Append(identity with { Related = [.. identity.Related.Distinct().Where(r => r != identity.Id)] }).ToList();
        await SaveAsync(next);
        return Snapshot();
    }

    public async Task<CatalogSnapshot> Remove(string identityId, string actorId)
    {
        await ActingAdmin.RequireAsync(GrainFactory, actorId);
        var list = catalog.State.Identities!;
        if (list.All(i => i.Id != identityId))
        {
            throw new RuleViolationException("identity-unknown", $"There is no identity '{identityId}'.");
        }

        await SaveAsync(list.Where(i => i.Id != identityId)
            .Select(i => i with { Related = [.. i.Related.Where(r => r != identityId)] })
            .ToList());
        return Snapshot();
    }

    private static void Validate(Identity identity)
    {
        if (!IdPattern().IsMatch(identity.Id ?? string.Empty))
        {
            throw new RuleViolationException("identity-invalid", "An identity id is 1 to 40 lower-case letters, digits and single hyphens, such as \"new-parent\".");
        }

        RequireText(identity.Name, "name", 60);
        RequireText(identity.Members, "members", 80);
        if ((identity.Description ?? string.Empty).Length > 300 || (identity.Description ?? string.Empty).Any(char.IsControl))
        {
            throw new RuleViolationException("identity-invalid", "An identity's description is at most 300 characters on one line.");
        }

        if (identity.Related is null || identity.Related.Count > 10)
        {
            throw new RuleViolationException("identity-invalid", "An identity has at most 10 related identities.");
        }
    }

    private static void RequireText(string? value, string field, int max) =>
        Validation.Name(value, 1, max, "identity-invalid", $"An identity's {field} is 1 to {max} characters on one line, with no invisible characters.");

    private async Task SaveAsync(List<Identity> identities)
    {
        catalog.State.Identities = identities;
        catalog.State.Version++;
        await catalog.WriteStateAsync();
    }

    private CatalogSnapshot Snapshot() => new(catalog.State.Version, catalog.State.Identities!);

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex IdPattern();
}
