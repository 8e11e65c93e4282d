using System.Diagnostics;
using System.Globalization;
using PeerLink.Testing.SignalR;

namespace PeerLink.Load.Scenario;

/// <summary>
/// Sends messages at a target rate, round-robin over conversations and alternating sides, and times each from
/// the start of <c>SendMessage</c> to the partner's <c>MessageReceived</c>. PeerLink's hub and the bare echo hub
/// take the same call and send the same event, so one driver measures both the same way.
/// </summary>
internal sealed class MessageDriver(ErrorLog errors)
{
    private static readonly TimeSpan DeliveryDeadline = TimeSpan.FromSeconds(10);

    // A client that cannot keep this many calls open is behind; further sends are skipped and reported.
    private const int MaxInFlight = 20_000;

    // PeerLink refuses more than 10 messages a second from one person. With too few conversations for the
    // target, sending faster would measure refusals; the rate is held under the limit and the shortfall shows.
    private const double MaxPerPersonPerSecond = 8;

    /// <param name="errorPrefix">Names this run's errors apart from another's ("message", "echo").</param>
    public async Task<MessageFigures> RunAsync(IReadOnlyList<Pair> pairs, double perSecond, TimeSpan duration, string errorPrefix, CancellationToken cancellationToken)
    {
        if (pairs.Count == 0)
        {
            errors.Add($"{errorPrefix}-no-conversations", "There were no conversations to send messages in.");
            return MessageFigures.None(perSecond);
        }

        var sendRate = Math.Min(perSecond, pairs.Count * 2 * MaxPerPersonPerSecond);
        var latency = new LatencyHistogram();
        var acks = new LatencyHistogram();
        long acked = 0, received = 0;
        var handlers = new List<(HubClient Client, Action<HubEvent> Handler)>();
        foreach (var pair in pairs)
        {
            handlers.Add((pair.A, FromPartner('b')));
            handlers.Add((pair.B, FromPartner('a')));
        }

        foreach (var (client, handler) in handlers)
        {
            client.EventReceived += handler;
        }

        try
        {
            var collections = ToolCollections.Start();
            var (started, skipped) = await Pacer.RunAsync(sendRate, long.MaxValue, duration, MaxInFlight, SendAsync, cancellationToken);
            var deadline = Stopwatch.StartNew();
            while (Interlocked.Read(ref received) < Interlocked.Read(ref acked) && deadline.Elapsed < DeliveryDeadline)
            {
                await Task.Delay(10, CancellationToken.None);
            }

            var toolCollections = collections.Since();

            // Sends start over the whole duration, so what arrived, over that duration, is the rate achieved.
            var seconds = duration.TotalSeconds;
            errors.Add($"{errorPrefix}-skipped", "The load client fell behind and skipped sends.", skipped);
            errors.Add($"{errorPrefix}-lost", "An acknowledged message never reached the partner.", Interlocked.Read(ref acked) - Interlocked.Read(ref received));
            return new MessageFigures(
                perSecond,
                pairs.Count,
                Math.Round(seconds, 1),
                started,
                Interlocked.Read(ref acked),
                Interlocked.Read(ref received),
                Math.Round(Interlocked.Read(ref received) / seconds, 1),
                latency.Figures(),
                acks.Figures(),
                toolCollections);
        }
        finally
        {
            foreach (var (client, handler) in handlers)
            {
                client.EventReceived -= handler;
            }
        }

        async Task SendAsync(long i)
        {
            var pair = pairs[(int)(i % pairs.Count)];
            var fromA = i / pairs.Count % 2 == 0;
            var start = Stopwatch.GetTimestamp();
            try
            {
                await (fromA ? pair.A : pair.B).InvokeAsync("SendMessage", pair.ConversationId, $"{(fromA ? 'a' : 'b')}{start.ToString(CultureInfo.InvariantCulture)}");
                acks.RecordSince(start);
                Interlocked.Increment(ref acked);
            }
            catch (Exception e)
            {
                errors.Add($"{errorPrefix}-send", e);
            }
        }

        // Each side hears its own messages too; only the partner's count, timed from the stamp in the text.
        Action<HubEvent> FromPartner(char partnerSide) => e =>
        {
            if (e.Target != "MessageReceived")
            {
                return;
            }

            var text = e.Arguments[0].GetProperty("text").GetString();
            if (text is { Length: > 1 } && text[0] == partnerSide && long.TryParse(text.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var sentAt))
            {
                latency.RecordSince(sentAt);
                Interlocked.Increment(ref received);
            }
        };
    }
}

/// <summary>What a message run achieved: rates per second, latencies in milliseconds.</summary>
/// <param name="ToolCollections">The load tool's own collections while the messages were sent and awaited.</param>
internal sealed record MessageFigures(
    double TargetPerSecond,
    int Conversations,
    double Seconds,
    long Sent,
    long Acknowledged,
    long Delivered,
    double DeliveredPerSecond,
    LatencyFigures Latency,
    LatencyFigures AckLatency,
    ToolCollections ToolCollections)
{
    public static MessageFigures None(double target) => new(target, 0, 0, 0, 0, 0, 0, new(0, null, null, null), new(0, null, null, null), ToolCollections.None);
}
