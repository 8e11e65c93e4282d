namespace PeerLink.Silo;

/// <summary>A grain's durable state, as in Orleans.</summary>
public interface IPersistentState<TState>
{
    TState State { get; set; }

    string? Etag { get; }

    bool RecordExists { get; }

    /// <summary>Replaces <see cref="State"/> with what storage holds now.</summary>
    Task ReadStateAsync();

    /// <summary>
    /// Writes <see cref="State"/> if storage still holds the version last read or written.
    /// On any failure the activation is deactivated after the current turn, so the next call
    /// reloads from storage instead of carrying state that storage does not have.
    /// </summary>
    /// <exception cref="Storage.InconsistentStateException">Someone else wrote first.</exception>
    Task WriteStateAsync();

    /// <summary>Deletes the stored record and resets <see cref="State"/> to a new instance.</summary>
    Task ClearStateAsync();
}
