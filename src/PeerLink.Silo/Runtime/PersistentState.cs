using Microsoft.Extensions.Logging;
using PeerLink.Silo.Storage;

namespace PeerLink.Silo.Runtime;

/// <summary>State that the activation loads before OnActivateAsync.</summary>
internal interface IActivationState
{
    Task LoadAsync();
}

/// <summary>Binds a grain's <see cref="IPersistentState{TState}"/> to a storage provider, like Orleans' state storage bridge.</summary>
internal sealed class PersistentState<TState>(ActivationData activation, string stateName, IGrainStorage storage)
    : IPersistentState<TState>, IActivationState
{
    private readonly GrainState<TState> grainState = new(CreateDefault());

    public TState State
    {
        get => grainState.State;
        set => grainState.State = value;
    }

    public string? Etag => grainState.ETag;

    public bool RecordExists => grainState.RecordExists;

    public Task LoadAsync() => ReadStateAsync();

    public async Task ReadStateAsync()
    {
        await storage.ReadStateAsync(stateName, activation.GrainId, grainState);
        activation.Runtime.Metrics.StorageRead();
        if (!grainState.RecordExists)
        {
            grainState.State = CreateDefault();
        }
    }

    public async Task WriteStateAsync()
    {
        try
        {
            await storage.WriteStateAsync(stateName, activation.GrainId, grainState);
            activation.Runtime.Metrics.StorageWrite();
        }
        catch (Exception e)
        {
            OnFailedWrite(e);
            throw;
        }
    }

    public async Task ClearStateAsync()
    {
        try
        {
            await storage.ClearStateAsync(stateName, activation.GrainId, grainState);
            activation.Runtime.Metrics.StorageWrite();
            grainState.State = CreateDefault();
        }
        catch (Exception e)
        {
            OnFailedWrite(e);
            throw;
        }
    }

    private static TState CreateDefault()
    {
        try
        {
            return Activator.CreateInstance<TState>();
        }
        catch (MissingMethodException e)
        {
            throw new InvalidOperationException($"Grain state type {typeof(TState).Name} needs a public parameterless constructor.", e);
        }
    }

    // The in-memory state may now differ from storage, so this activation must not serve another
    // request with it: after the current turn it is deactivated and the next call reloads.
    private void OnFailedWrite(Exception error)
    {
        if (error is InconsistentStateException)
        {
            activation.Runtime.Metrics.StorageConflict();
        }

        activation.Runtime.Logger.LogWarning(error, "Writing state '{StateName}' of {GrainId} failed; the activation will be deactivated", stateName, activation.GrainId);
        activation.RequestDeactivation(new DeactivationReason(DeactivationReasonCode.StateWriteFailed, error.Message));
    }
}
