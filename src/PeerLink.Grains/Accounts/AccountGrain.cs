namespace PeerLink.Grains.Accounts;

public sealed class AccountState
{
    public AccountCredentials? Credentials { get; set; }

    /// <summary>When recent sign-ins failed, oldest first; only those within the window count.</summary>
    public List<DateTimeOffset> FailedSignIns { get; set; } = [];

    public DateTimeOffset? LockedUntil { get; set; }
}

/// <summary>
/// One sign-in name. It also keeps the guesses against it: after <see cref="FailuresBeforeLock"/> failed sign-ins within
/// <see cref="LockFor"/> the account takes no sign-in for that long, whichever address the guesses come from. The grain
/// is one per username in the whole cluster, so the lock is too.
/// </summary>
[GrainType("account")]
public sealed class AccountGrain([PersistentState("account")] IPersistentState<AccountState> account, TimeProvider time) : Grain, IAccountGrain
{
    public const int FailuresBeforeLock = 5;
    public static readonly TimeSpan LockFor = TimeSpan.FromMinutes(15);

    private AccountState State => account.State;

    public async Task Create(AccountCredentials credentials)
    {
        if (State.Credentials is not null)
        {
            throw new RuleViolationException("username-taken", "That username is taken.");
        }

        State.Credentials = credentials;
        State.FailedSignIns.Clear();
        State.LockedUntil = null;
        await account.WriteStateAsync();
    }

    public Task<AccountCredentials?> GetCredentials() => Task.FromResult(State.Credentials);

    public Task<SignInCheck> BeginSignIn() =>
        Task.FromResult(new SignInCheck(State.Credentials, State.LockedUntil is { } until && until > time.GetUtcNow()));

    public async Task RecordSignIn(bool succeeded)
    {
        if (State.Credentials is null)
        {
            return;
        }

        var now = time.GetUtcNow();
        if (succeeded)
        {
            if (State.FailedSignIns.Count == 0 && State.LockedUntil is null)
            {
                return;
            }

            State.FailedSignIns.Clear();
            State.LockedUntil = null;
        }
        else
        {
            State.FailedSignIns.RemoveAll(at => at <= now - LockFor);
            State.FailedSignIns.Add(now);
            if (State.FailedSignIns.Count >= FailuresBeforeLock)
            {
                State.LockedUntil = now + LockFor;
                State.FailedSignIns.Clear();
            }
        }

        await account.WriteStateAsync();
    }

    public async Task Delete(string personId)
    {
        if (State.Credentials?.PersonId == personId)
        {
            await account.ClearStateAsync();
        }
    }
}
