using PeerLink.Grains.Accounts;

namespace PeerLink.Grains.Tests;

/// <summary>Repeated wrong passwords lock an account for a while, wherever they come from.</summary>
public sealed class AccountLockTests
{
    [Fact]
    public async Task Five_failed_sign_ins_lock_the_account_for_fifteen_minutes_then_it_opens_again()
    {
        await using var app = await PeerLinkSilo.StartAsync();
        var account = await AccountAsync(app);

        for (var i = 0; i < AccountGrain.FailuresBeforeLock - 1; i++)
        {
            await account.RecordSignIn(succeeded: false);
        }

        var beforeTheLast = await account.BeginSignIn();
        await account.RecordSignIn(succeeded: false);
        var locked = await account.BeginSignIn();
        app.Clock.Advance(AccountGrain.LockFor + TimeSpan.FromSeconds(1));

        Assert.False(beforeTheLast.Locked);
        Assert.True(locked.Locked);
        Assert.NotNull(locked.Credentials);
        Assert.False((await account.BeginSignIn()).Locked);
    }

    [Fact]
    public async Task A_sign_in_that_succeeds_clears_the_count_and_failures_long_ago_do_not_add_up()
    {
        await using var app = await PeerLinkSilo.StartAsync();
        var account = await AccountAsync(app);
        for (var i = 0; i < AccountGrain.FailuresBeforeLock - 1; i++)
        {
            await account.RecordSignIn(succeeded: false);
        }

        await account.RecordSignIn(succeeded: true);
        await account.RecordSignIn(succeeded: false);
        var afterSuccess = await account.BeginSignIn();
        for (var i = 0; i < AccountGrain.FailuresBeforeLock - 2; i++)
        {
            await account.RecordSignIn(succeeded: false);
        }

        app.Clock.Advance(AccountGrain.LockFor + TimeSpan.FromSeconds(1));
        await account.RecordSignIn(succeeded: false);

        Assert.False(afterSuccess.Locked);
        Assert.False((await account.BeginSignIn()).Locked);
    }

    [Fact]
    public async Task A_lock_outlives_a_restart_with_Redis_storage()
    {
        await using var redis = await RedisServer.StartNewAsync(appendOnly: true);
        await using var app = await PeerLinkSilo.StartAsync(redis.ConnectionString);
        var account = await AccountAsync(app);
        for (var i = 0; i < AccountGrain.FailuresBeforeLock; i++)
        {
            await account.RecordSignIn(succeeded: false);
        }

        await app.Silo.CrashAndRestartAsync();

        Assert.True((await app.Silo.GetGrain<IAccountGrain>("river").BeginSignIn()).Locked);
    }

    private static async Task<IAccountGrain> AccountAsync(PeerLinkSilo app)
    {
        await app.AddSeekerAsync("s");
        var account = app.Silo.GetGrain<IAccountGrain>("river");
        await account.Create(new AccountCredentials("s", "hash"));
        return account;
    }
}
