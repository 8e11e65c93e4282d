using PeerLink.Grains.Identities;
using PeerLink.Grains.Invites;
using PeerLink.Grains.People;

namespace PeerLink.Grains.Tests;

/// <summary>What only admins do is refused inside the grain unless the one acting is an admin at that moment.</summary>
public sealed class AdminActionTests
{
    [Fact]
    public async Task A_role_change_by_someone_who_is_not_an_admin_now_is_refused_and_changes_nothing()
    {
        await using var app = await PeerLinkSilo.StartAsync();
        await app.AddAdminAsync("real-admin");
        var formerAdmin = await app.AddAdminAsync("former");
        await app.Person("former").SetRoles(Role.Seeker, "real-admin");

        var selfPromotion = await Assert.ThrowsAsync<RuleViolationException>(() => formerAdmin.SetRoles(Role.Admin | Role.Moderator, "former"));
        var demotingTheRealAdmin = await Assert.ThrowsAsync<RuleViolationException>(() => app.Person("real-admin").SetRoles(Role.Seeker, "former"));
        var byNobody = await Assert.ThrowsAsync<RuleViolationException>(() => app.Person("real-admin").SetRoles(Role.Seeker, "nobody"));

        Assert.All([selfPromotion, demotingTheRealAdmin, byNobody], refusal => Assert.Equal("not-an-admin", refusal.Code));
        Assert.Equal(Role.Seeker, (await formerAdmin.GetProfile()).Roles);
        Assert.Equal(Role.Admin, (await app.Person("real-admin").GetProfile()).Roles);
    }

    [Fact]
    public async Task An_admin_still_cannot_take_the_admin_role_from_themselves_but_can_add_roles_to_it()
    {
        await using var app = await PeerLinkSilo.StartAsync();
        var admin = await app.AddAdminAsync();

        var refusal = await Assert.ThrowsAsync<RuleViolationException>(() => admin.SetRoles(Role.Moderator, "admin"));
        var both = await admin.SetRoles(Role.Admin | Role.Moderator, "admin");

        Assert.Equal("admin-self-demotion", refusal.Code);
        Assert.Equal(Role.Admin | Role.Moderator, both.Roles);
    }

    [Fact]
    public async Task An_invite_from_someone_who_is_no_longer_an_admin_is_refused()
    {
        await using var app = await PeerLinkSilo.StartAsync();
        await app.AddAdminAsync("real-admin");
        await app.AddAdminAsync("former");
        await app.Person("former").SetRoles(Role.Seeker, "real-admin");

        var refusal = await Assert.ThrowsAsync<RuleViolationException>(() => app.Silo.GetGrain<IInviteGrain>("code-1").Create(Role.Moderator, "former", TimeSpan.FromDays(1)));
        var made = await app.Silo.GetGrain<IInviteGrain>("code-2").Create(Role.Moderator, "real-admin", TimeSpan.FromDays(1));

        Assert.Equal("not-an-admin", refusal.Code);
        Assert.Equal(Role.Moderator, made.Role);
        Assert.Equal("invite-invalid", (await Assert.ThrowsAsync<RuleViolationException>(() => app.Silo.GetGrain<IInviteGrain>("code-1").Redeem("someone"))).Code);
    }

    [Fact]
    public async Task A_catalog_edit_from_a_non_admin_is_refused_and_the_catalog_stays_as_it_was()
    {
        await using var app = await PeerLinkSilo.StartAsync();
        await app.AddSeekerAsync("s");
        var catalog = app.Silo.GetGrain<IIdentityCatalogGrain>(IdentityCatalogGrain.Key);
        var before = await catalog.GetCatalog();

        var upsert = await Assert.ThrowsAsync<RuleViolationException>(() => catalog.Upsert(new Identity("musician", "Musician", "musicians", "", []), "s"));
        var remove = await Assert.ThrowsAsync<RuleViolationException>(() => catalog.Remove("carer", "s"));

        Assert.Equal(("not-an-admin", "not-an-admin"), (upsert.Code, remove.Code));
        Assert.Equal(before.Version, (await catalog.GetCatalog()).Version);
    }
}
