namespace PeerLink.Silo.Storage;

/// <summary>
/// Orleans' own persistent state, with one promise added: after a write or clear fails, the activation is
/// deactivated once its current call ends, so the next call reads state afresh instead of serving what storage may
/// not hold. Orleans does this by itself only for an <see cref="Orleans.Storage.InconsistentStateException"/> that
/// escapes the grain call; a Redis outage surfaces as another exception, and a grain may catch either.
/// </summary>
internal sealed class ReloadingPersistentStateFactory : IPersistentStateFactory
{
    private readonly PersistentStateFactory orleans = new();

    public IPersistentState<TState> Create<TState>(IGrainContext context, IPersistentStateConfiguration config) =>
        new ReloadingPersistentState<TState>(orleans.Create<TState>(context, config), context);
}
