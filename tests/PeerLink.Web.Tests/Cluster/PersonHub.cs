using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace PeerLink.Web.Tests.Cluster;

/// <summary>One person's hub connection to one node, on the official .NET SignalR client, keeping every event it hears.</summary>
internal sealed class PersonHub : IAsyncDisposable
{
    // Every hub message PeerLink sends that these tests wait for.
    private static readonly string[] Events =
    [
        "QueueUpdated", "OfferReceived", "OfferWithdrawn", "Matched", "ConversationEnded", "MessageReceived",
        "GroupMessageReceived", "GroupMemberPresence", "GroupMemberChanged", "CrisisAlert", "CrisisResources",
    ];

    private readonly ConcurrentQueue<(string Method, JsonElement Payload)> heard = new();
    private readonly TaskCompletionSource closed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private PersonHub(HubConnection connection)
    {
        Connection = connection;
        foreach (var method in Events)
        {
            connection.On<JsonElement>(method, payload => heard.Enqueue((method, payload)));
        }

        connection.Closed += _ =>
        {
            closed.TrySetResult();
            return Task.CompletedTask;
        };
    }

    public HubConnection Connection { get; }

    /// <summary>Completes when the server closes the connection.</summary>
    public Task Closed => closed.Task;

    public static async Task<PersonHub> ConnectAsync(PeerLinkProcess node, string token)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(node.HubUrl, o => o.AccessTokenProvider = () => Task.FromResult<string?>(token))
            .Build();
        var hub = new PersonHub(connection);
        try
        {
            await connection.StartAsync();
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }

        return hub;
    }

    /// <summary>What this connection heard of one kind, in the order it heard it.</summary>
    public IReadOnlyList<JsonElement> Heard(string method) => [.. heard.Where(h => h.Method == method).Select(h => h.Payload)];

    public async Task<JsonElement> WaitForAsync(string method, Func<JsonElement, bool>? match = null)
    {
        JsonElement found = default;
        await Eventually.TrueAsync(() =>
        {
            var hit = heard.FirstOrDefault(h => h.Method == method && (match is null || match(h.Payload)));
            found = hit.Payload;
            return hit.Method is not null;
        }, $"{method} reached the connection");
        return found;
    }

    public async ValueTask DisposeAsync() => await Connection.DisposeAsync();
}
