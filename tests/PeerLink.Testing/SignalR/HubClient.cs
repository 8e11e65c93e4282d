using System.Buffers;
using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace PeerLink.Testing.SignalR;

/// <summary>
/// A small SignalR client speaking the JSON hub protocol over a raw WebSocket, for tests and the load tool
/// (the .NET SignalR client package is not available here). Records end with 0x1E, and the server often
/// packs several into one frame, so incoming text is split on it and the remainder kept.
/// </summary>
public sealed class HubClient : IAsyncDisposable
{
    private const byte RecordSeparator = 0x1e;
    private static readonly TimeSpan PingInterval = TimeSpan.FromSeconds(10);
    private static readonly byte[] Ping = Record("""{"type":6}""");

    private readonly ClientWebSocket socket = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource<JsonElement?>> pending = new();
    private readonly ConcurrentQueue<HubEvent> received = new();
    private readonly SemaphoreSlim sendLock = new(1, 1);

    // Invocations are written here, under the send lock.
    private readonly ArrayBufferWriter<byte> outbox = new(256);
    private readonly Utf8JsonWriter outboxWriter = new(Stream.Null);
    private readonly CancellationTokenSource closing = new();
    private readonly TaskCompletionSource<string?> closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly bool keepEvents;

    // Incoming bytes: whole records are parsed straight from here, and a partial one waits for the next frame.
    // It starts small, because a load run holds thousands of idle clients, and grows to the largest record.
    private byte[] inbox = new byte[1024];
    private int inboxStart;
    private int inboxEnd;
    private Task? receiveLoop;
    private Task? pingLoop;
    private long nextInvocationId;
    private int disposed;
    private int pingsReceived;

    private HubClient(bool keepEvents)
    {
        this.keepEvents = keepEvents;
    }

    /// <summary>
    /// Fires for every server-to-client invocation, on the receive loop: keep handlers short. When connected with
    /// <c>keepEvents: false</c>, the event's arguments are valid only while the handler runs; clone what is kept.
    /// </summary>
    public event Action<HubEvent>? EventReceived;

    /// <summary>Every event received so far, in order; empty when connected with <c>keepEvents: false</c>.</summary>
    public IReadOnlyCollection<HubEvent> Events => received;

    /// <summary>How many pings the server has sent this client (its keep-alive).</summary>
    public int PingsReceived => Volatile.Read(ref pingsReceived);

    /// <summary>Completes when the connection closes; its result is the server's close error, if any.</summary>
    public Task<string?> Closed => closed.Task;

    /// <summary>Connects to <paramref name="hubUrl"/> (http or ws scheme) and completes the JSON protocol handshake.</summary>
    /// <param name="keepEvents">
    /// Keep every event for <see cref="Events"/> and <see cref="WaitForEventAsync"/>. A load run turns it off and
    /// listens to <see cref="EventReceived"/> instead, so a long run does not hold every event it ever saw.
    /// </param>
    /// <param name="origin">The Origin header a browser would send from the page that opens the connection; none by default, as from a non-browser client.</param>
    public static async Task<HubClient> ConnectAsync(Uri hubUrl, string? accessToken = null, bool keepEvents = true, CancellationToken cancellationToken = default, string? origin = null)
    {
        var builder = new UriBuilder(hubUrl) { Scheme = hubUrl.Scheme is "https" or "wss" ? "wss" : "ws" };
        if (accessToken is not null)
        {
            builder.Query = $"access_token={Uri.EscapeDataString(accessToken)}";
        }

        var client = new HubClient(keepEvents);
        if (origin is not null)
        {
            client.socket.Options.SetRequestHeader("Origin", origin);
        }

        try
        {
            await client.socket.ConnectAsync(builder.Uri, cancellationToken);
            await client.SendRecordAsync(Record("""{"protocol":"json","version":1}"""), cancellationToken);
            var handshake = await client.ReadRecordAsync(cancellationToken)
                ?? throw new WebSocketException("The server closed the connection during the SignalR handshake.");
            using (var reply = JsonDocument.Parse(handshake))
            {
                if (reply.RootElement.TryGetProperty("error", out var error))
                {
                    throw new WebSocketException($"The SignalR handshake was refused: {error.GetString()}");
                }
            }

            client.receiveLoop = client.ReceiveLoopAsync();
            client.pingLoop = client.PingLoopAsync();
            return client;
        }
        catch
        {
            await client.DisposeAsync();
            throw;
        }
    }

    /// <summary>Calls a hub method and waits for its completion; a server error throws <see cref="HubInvocationException"/>.</summary>
    public async Task<T?> InvokeAsync<T>(string method, params object?[] arguments)
    {
        var result = await InvokeCoreAsync(method, arguments);
        return result is { } json ? json.Deserialize<T>(HubJson.Options) : default;
    }

    /// <summary>Calls a hub method that returns nothing and waits for its completion.</summary>
    public Task InvokeAsync(string method, params object?[] arguments) => InvokeCoreAsync(method, arguments);

    /// <summary>Waits for an event of this name that matches, including one that already arrived.</summary>
    public async Task<HubEvent> WaitForEventAsync(string target, Func<HubEvent, bool>? match = null, TimeSpan? timeout = null)
    {
        var found = new TaskCompletionSource<HubEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        void Check(HubEvent e)
        {
            if (e.Target == target && (match?.Invoke(e) ?? true))
            {
                found.TrySetResult(e);
            }
        }

        EventReceived += Check;
        try
        {
            foreach (var e in received)
            {
                Check(e);
            }

            return await found.Task.WaitAsync(timeout ?? TimeSpan.FromSeconds(10));
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"No '{target}' event arrived in time; received: {string.Join(", ", received.Select(e => e.Target))}.");
        }
        finally
        {
            EventReceived -= Check;
        }
    }

    /// <summary>Drops the connection abruptly, as a lost network would.</summary>
    public void Abort() => socket.Abort();

    /// <summary>Closes the connection; calling it again does nothing.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }

        await closing.CancelAsync();
        if (socket.State == WebSocketState.Open)
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", timeout.Token);
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException)
            {
                // The server went first; nothing left to close.
            }
        }

        foreach (var task in new[] { receiveLoop, pingLoop }.OfType<Task>())
        {
            await task.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        socket.Dispose();
        outboxWriter.Dispose();
        sendLock.Dispose();
        closing.Dispose();
    }

    private async Task<JsonElement?> InvokeCoreAsync(string method, object?[] arguments)
    {
        var id = Interlocked.Increment(ref nextInvocationId).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var completion = new TaskCompletionSource<JsonElement?>(TaskCreationOptions.RunContinuationsAsynchronously);
        pending[id] = completion;
        if (closed.Task.IsCompleted)
        {
            pending.TryRemove(id, out _);
            throw new WebSocketException($"The connection is closed. {closed.Task.Result}");
        }

        await sendLock.WaitAsync(closing.Token);
        try
        {
            // Written by hand into one buffer the client keeps: serializing an anonymous object for every call
            // allocated several times the bytes sent.
            outbox.ResetWrittenCount();
            outboxWriter.Reset(outbox);
            outboxWriter.WriteStartObject();
            outboxWriter.WriteNumber("type", 1);
            outboxWriter.WriteString("invocationId", id);
            outboxWriter.WriteString("target", method);
            outboxWriter.WriteStartArray("arguments");
            foreach (var argument in arguments)
            {
                if (argument is string text)
                {
                    outboxWriter.WriteStringValue(text);
                }
                else
                {
                    JsonSerializer.Serialize(outboxWriter, argument, HubJson.Options);
                }
            }

            outboxWriter.WriteEndArray();
            outboxWriter.WriteEndObject();
            outboxWriter.Flush();
            outbox.Write([RecordSeparator]);
            await socket.SendAsync(outbox.WrittenMemory, WebSocketMessageType.Text, endOfMessage: true, closing.Token);
        }
        catch
        {
            pending.TryRemove(id, out _);
            throw;
        }
        finally
        {
            sendLock.Release();
        }

        try
        {
            return await completion.Task;
        }
        catch (HubInvocationException e)
        {
            throw new HubInvocationException(method, e.ServerMessage);
        }
    }

    private static byte[] Record(string json) => [.. Encoding.UTF8.GetBytes(json), RecordSeparator];

    private async Task SendRecordAsync(ReadOnlyMemory<byte> record, CancellationToken cancellationToken)
    {
        await sendLock.WaitAsync(cancellationToken);
        try
        {
            await socket.SendAsync(record, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
        }
        finally
        {
            sendLock.Release();
        }
    }

    /// <summary>
    /// Reads until one whole record is buffered and returns it, without its separator; it stays valid until the
    /// next read. Null when the server closed. 0x1E never occurs inside UTF-8 JSON text, so bytes can be split on it.
    /// </summary>
    /// <remarks>
    /// Its state machine comes from a pool: it awaits once per frame, and a fresh box for each, across thousands of
    /// clients in a load run, made the load tool's own garbage collections (and their pauses) far more frequent.
    /// </remarks>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<ReadOnlyMemory<byte>?> ReadRecordAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var end = Array.IndexOf(inbox, RecordSeparator, inboxStart, inboxEnd - inboxStart);
            if (end >= 0)
            {
                var record = inbox.AsMemory(inboxStart, end - inboxStart);
                inboxStart = end + 1;
                return record;
            }

            if (inboxStart > 0)
            {
                Buffer.BlockCopy(inbox, inboxStart, inbox, 0, inboxEnd - inboxStart);
                inboxEnd -= inboxStart;
                inboxStart = 0;
            }

            if (inboxEnd == inbox.Length)
            {
                Array.Resize(ref inbox, inbox.Length * 2);
            }

            var result = await socket.ReceiveAsync(inbox.AsMemory(inboxEnd), cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            inboxEnd += result.Count;
        }
    }

    private async Task ReceiveLoopAsync()
    {
        string? closeError = null;
        try
        {
            while (await ReadRecordAsync(closing.Token) is { } record)
            {
                using var document = JsonDocument.Parse(record);
                var root = document.RootElement;
                switch (root.GetProperty("type").GetInt32())
                {
                    case 1:
                        var e = new HubEvent(root.GetProperty("target").GetString()!, Arguments(root.GetProperty("arguments"), copy: keepEvents));
                        if (keepEvents)
                        {
                            received.Enqueue(e);
                        }

                        EventReceived?.Invoke(e);
                        break;
                    case 3:
                        Complete(root);
                        break;
                    case 6:
                        Interlocked.Increment(ref pingsReceived);
                        break;
                    case 7:
                        closeError = root.TryGetProperty("error", out var error) ? error.GetString() : null;
                        return;
                }
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            closeError ??= e is WebSocketException ? e.Message : null;
        }
        finally
        {
            // Closed first, then the calls waiting are failed: a call that starts meanwhile sees one or the other
            // (InvokeCoreAsync looks at Closed after it is added), so none waits for an answer that cannot come.
            closed.TrySetResult(closeError);
            foreach (var waiting in pending.Values)
            {
                waiting.TrySetException(new WebSocketException($"The connection closed before the call completed. {closeError}"));
            }
        }
    }

    /// <summary>
    /// The arguments, read from one copy of the array when they must outlive the record, or from the record itself
    /// when events are not kept: a load run's handlers read them at once, and copying every event cost the load
    /// tool more garbage collections than anything else it did.
    /// </summary>
    private static JsonElement[] Arguments(JsonElement arguments, bool copy)
    {
        var source = copy ? arguments.Clone() : arguments;
        var items = new JsonElement[source.GetArrayLength()];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = source[i];
        }

        return items;
    }

    private void Complete(JsonElement completion)
    {
        var id = completion.GetProperty("invocationId").GetString()!;
        if (!pending.TryRemove(id, out var waiting))
        {
            return;
        }

        if (completion.TryGetProperty("error", out var error))
        {
            waiting.TrySetException(new HubInvocationException("(hub method)", error.GetString() ?? "unknown error"));
        }
        else
        {
            waiting.TrySetResult(completion.TryGetProperty("result", out var result) ? result.Clone() : null);
        }
    }

    // The server drops a client it has not heard from within its client timeout (30 s by default).
    private async Task PingLoopAsync()
    {
        using var timer = new PeriodicTimer(PingInterval);
        try
        {
            // Browsers ping on timers of their own, out of step with each other. Thousands of clients in one
            // load-test process, connected within a second or two, would otherwise all ping in the same
            // millisecond every interval, a burst no real crowd makes (seen in the load run as a stall every 10 s).
            await Task.Delay(Random.Shared.Next((int)PingInterval.TotalMilliseconds), closing.Token);
            while (await timer.WaitForNextTickAsync(closing.Token))
            {
                await SendRecordAsync(Ping, closing.Token);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // Closing, or already closed.
        }
    }
}
