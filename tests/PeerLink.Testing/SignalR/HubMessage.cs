using System.Text.Json;

namespace PeerLink.Testing.SignalR;

/// <summary>An invocation the server sent to this client: a hub event such as "MessageReceived".</summary>
public sealed record HubEvent(string Target, IReadOnlyList<JsonElement> Arguments)
{
    /// <summary>The first argument, read as <typeparamref name="T"/> with the web (camelCase) conventions.</summary>
    public T Argument<T>(int index = 0) => Arguments[index].Deserialize<T>(HubJson.Options)!;
}

/// <summary>The server completed an invocation with an error. The connection stays up.</summary>
public sealed class HubInvocationException(string method, string message)
    : Exception($"{method} failed: {message}")
{
    public string Method { get; } = method;

    public string ServerMessage { get; } = message;
}

internal static class HubJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
}
