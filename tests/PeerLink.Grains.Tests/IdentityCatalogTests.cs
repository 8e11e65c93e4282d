using PeerLink.Grains.Identities;

namespace PeerLink.Grains.Tests;

public sealed class IdentityCatalogTests
{
    private static IIdentityCatalogGrain Catalog(PeerLinkSilo app) => app.Silo.GetGrain<IIdentityCatalogGrain>(IdentityCatalogGrain.Key);

    [Fact]
    public async Task A_new_deployment_starts_with_the_default_identities()
    {
        await using var app = await PeerLinkSilo.StartAsync();

        var catalog = await Catalog(app).GetCatalog();

        Assert.Equal(DefaultIdentities.All.Select(i => i.Id), catalog.Identities.Select(i => i.Id));
        Assert.Contains(catalog.Identities, i => i.Id == "new-parent" && i.Related.Contains("carer"));
    }

    [Fact]
    public async Task An_admin_edit_is_kept_across_a_restart_with_Redis_storage_and_bumps_the_version()
    {
        await using var redis = await RedisServer.StartNewAsync();
        await using var app = await PeerLinkSilo.StartAsync(redis.ConnectionString);
        var before = await Catalog(app).GetCatalog();

        await app.AddAdminAsync();
        await Catalog(app).Upsert(new Identity("musician", "Musician", "musicians", "Plays or writes music.", ["student"]), "admin");
        await app.Silo.RestartAsync();
        var after = await Catalog(app).GetCatalog();

        Assert.Equal(before.Version + 1, after.Version);
        Assert.Contains(after.Identities, i => i.Id == "musician");
        Assert.True(new IdentityCatalog(after.Identities).AreRelated("student", "musician"));
    }

    [Theory]
    [InlineData("Not A Slug", "Name", "names", "identity-invalid")]
    [InlineData("ok", "", "names", "identity-invalid")]
    [InlineData("ok", "Name", "", "identity-invalid")]
    public async Task An_invalid_identity_is_refused(string id, string name, string members, string code)
    {
        await using var app = await PeerLinkSilo.StartAsync();
        await app.AddAdminAsync();
        var before = await Catalog(app).GetCatalog();

        var error = await Assert.ThrowsAsync<RuleViolationException>(() => Catalog(app).Upsert(new Identity(id, name, members, "", []), "admin"));

        Assert.Equal(code, error.Code);
        Assert.Equal(before.Version, (await Catalog(app).GetCatalog()).Version);
    }

    [Fact]
    public async Task A_link_to_an_unknown_identity_is_refused()
    {
        await using var app = await PeerLinkSilo.StartAsync();
        await app.AddAdminAsync();

        var error = await Assert.ThrowsAsync<RuleViolationException>(() => Catalog(app).Upsert(new Identity("x", "X", "xs", "", ["nowhere"]), "admin"));

        Assert.Equal("identity-unknown", error.Code);
    }

    [Fact]
    public async Task Removing_an_identity_removes_the_links_to_it()
    {
        await using var app = await PeerLinkSilo.StartAsync();
        await app.AddAdminAsync();

        var catalog = await Catalog(app).Remove("carer", "admin");

        Assert.DoesNotContain(catalog.Identities, i => i.Id == "carer" || i.Related.Contains("carer"));
    }
}
