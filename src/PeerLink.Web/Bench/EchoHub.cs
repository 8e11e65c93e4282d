using Microsoft.AspNetCore.SignalR;

namespace PeerLink.Web.Bench;

public sealed record EchoSent(long Seq, DateTimeOffset SentAt);

public sealed record EchoReceived(string ConversationId, long Seq, string SenderId, string Text, DateTimeOffset SentAt);

/// <summary>
/// Bench only: the load tool's baseline. It does what <c>SendMessage</c> does on the wire (one invocation in,
/// one event out to each of two people, one completion back) with no grains, no storage and no sign-in, so a
/// load run can show what PeerLink costs over bare SignalR in the same process. Mapped only when
/// <see cref="BenchOptions.EchoHub"/> is on.
/// </summary>
public sealed class EchoHub : Hub
{
    public const string Path = "/hubs/echo";

    private static long seq;

    /// <summary>Joins the two-person room a conversation stands for.</summary>
    public Task Join(string conversationId) => Groups.AddToGroupAsync(Context.ConnectionId, conversationId);

    public async Task<EchoSent> SendMessage(string conversationId, string text)
    {
        var sent = new EchoSent(Interlocked.Increment(ref seq), DateTimeOffset.UtcNow);
        await Clients.Group(conversationId).SendAsync("MessageReceived", new EchoReceived(conversationId, sent.Seq, Context.ConnectionId, text, sent.SentAt));
        return sent;
    }
}
