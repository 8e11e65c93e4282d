using PeerLink.Silo;

namespace PeerLink.Grains.Accounts;

public sealed class AccountState
{
    public AccountCredentials? Credentials { get; set; }
}

public sealed class AccountGrain([PersistentState("account")] IPersistentState<AccountState> account) : Grain, IAccountGrain
{
    public async Task Create(AccountCredentials credentials)
    {
        if (account.State.Credentials is not null)
        {
            throw new RuleViolationException("username-taken", "That username is taken.");
        }

        account.State.Credentials = credentials;
        await account.WriteStateAsync();
    }

    public Task<AccountCredentials?> GetCredentials() => Task.FromResult(account.State.Credentials);

    public async Task Delete(string personId)
    {
        if (account.State.Credentials?.PersonId == personId)
        {
            await account.ClearStateAsync();
        }
    }
}
