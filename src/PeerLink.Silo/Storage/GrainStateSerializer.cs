using System.Text.Json;

namespace PeerLink.Silo.Storage;

/// <summary>
/// JSON for stored state, shared by every provider so that switching providers never changes
/// what a state looks like at rest.
/// </summary>
public static class GrainStateSerializer
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web);

    public static byte[] Serialize<T>(T state) => JsonSerializer.SerializeToUtf8Bytes(state, Options);

    /// <exception cref="GrainStorageException">The bytes are not valid JSON for <typeparamref name="T"/>.</exception>
    public static T Deserialize<T>(ReadOnlySpan<byte> data, string stateName, GrainId grainId)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(data, Options)
                ?? throw new JsonException("The stored state is JSON null.");
        }
        catch (JsonException e)
        {
            throw new GrainStorageException(
                $"Stored state '{stateName}' of grain {grainId} cannot be read as {typeof(T).Name}: {e.Message} The stored state was left untouched.", e);
        }
    }
}
