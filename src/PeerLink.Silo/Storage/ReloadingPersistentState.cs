namespace PeerLink.Silo.Storage;

/// <summary>Orleans' persistent state, which deactivates its activation when a write or clear fails; see <see cref="ReloadingPersistentStateFactory"/>.</summary>
internal sealed class ReloadingPersistentState<TState>(IPersistentState<TState> state, IGrainContext context) : IPersistentState<TState>
{
    public TState State
    {
        get => state.State;
        set => state.State = value;
    }

    public string? Etag => state.Etag;

    public bool RecordExists => state.RecordExists;

    public Task ReadStateAsync() => state.ReadStateAsync();

    public Task WriteStateAsync() => DeactivateOnFailure(state.WriteStateAsync(), "write");

    public Task ClearStateAsync() => DeactivateOnFailure(state.ClearStateAsync(), "clear");

    private async Task DeactivateOnFailure(Task operation, string what)
    {
        try
        {
            await operation;
        }
        catch (Exception e)
        {
            context.Deactivate(new DeactivationReason(DeactivationReasonCode.ApplicationError, e, $"A state {what} failed; the next call reads state afresh."));
            throw;
        }
    }
}
