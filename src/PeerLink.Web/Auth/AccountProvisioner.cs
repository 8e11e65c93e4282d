using PeerLink.Grains;
using PeerLink.Grains.Accounts;
using PeerLink.Grains.People;
using Orleans;

namespace PeerLink.Web.Auth;

/// <summary>Gives a person a username and password: the first admin, demo accounts, invited people, and guests who keep their account.</summary>
internal sealed class AccountProvisioner(IGrainFactory grains)
{
    /// <summary>Whether the username already has an account.</summary>
    public async Task<bool> ExistsAsync(string username) =>
        await grains.GetGrain<IAccountGrain>(Credentials.Username(username)).GetCredentials() is not null;

    /// <summary>Creates a person with these roles and an account for them.</summary>
    /// <param name="personId">The id to create the person under; a new one when null.</param>
    /// <returns>The new person's id.</returns>
    /// <exception cref="RuleViolationException">The username, password or pseudonym breaks the rules, or the username is taken.</exception>
    public async Task<string> CreateAsync(string username, string password, string pseudonym, Role roles, string? personId = null)
    {
        var (name, account) = await FreeAccountAsync(username, password);
        Validation.Pseudonym(pseudonym);

        // The account is claimed last: a person without an account is harmless, an account without a person is not.
        var id = personId ?? Guid.NewGuid().ToString("N");
        await grains.GetGrain<IPersonGrain>(id).Register(pseudonym, roles);
        await ClaimAsync(account, id, name, password);
        return id;
    }

    /// <summary>Lets an existing person (a guest) sign in with a username and passphrase from now on.</summary>
    public async Task AttachAsync(string personId, string username, string password)
    {
        var (name, account) = await FreeAccountAsync(username, password);
        await ClaimAsync(account, personId, name, password);
    }

    private async Task<(string Name, IAccountGrain Account)> FreeAccountAsync(string username, string password)
    {
        var name = Credentials.Username(username);
        Credentials.Password(password);
        var account = grains.GetGrain<IAccountGrain>(name);
        return await account.GetCredentials() is null
            ? (name, account)
            : throw new RuleViolationException("username-taken", "That username is taken.");
    }

    private async Task ClaimAsync(IAccountGrain account, string personId, string name, string password)
    {
        // The person records the name first, so one person never ends up with two accounts.
        await grains.GetGrain<IPersonGrain>(personId).SetUsername(name);
        await account.Create(new AccountCredentials(personId, Credentials.Hash(name, password)));
    }
}
