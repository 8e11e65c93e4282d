using Microsoft.AspNetCore.SignalR;
using PeerLink.Grains.People;

namespace PeerLink.Web.Realtime;

/// <summary>
/// What one hub connection's session may do, as the person's grain last said, kept with the connection so a message
/// costs no grain call for it. The person's grain publishes <see cref="Grains.Events.AccessChanged"/> whenever roles
/// change, and that event reaches the person's connections wherever they are; it clears this at once, and the next
/// call asks the grain again.
/// </summary>
internal sealed class ConnectionAccess
{
    private const string Key = "peerlink:access";

    private int version;
    private Access? current;

    public static ConnectionAccess Of(HubCallerContext context) => Of(context.Items);

    public static ConnectionAccess Of(HubConnectionContext connection) => Of(connection.Items);

    /// <summary>The cached answer, or the grain's, which is kept unless the access changed while it was asked for.</summary>
    public async ValueTask<Access> GetAsync(Func<Task<Access>> ask)
    {
        if (Volatile.Read(ref current) is { } known)
        {
            return known;
        }

        var asked = Volatile.Read(ref version);
        var access = await ask();
        if (Volatile.Read(ref version) == asked)
        {
            Interlocked.CompareExchange(ref current, access, null);
        }

        return access;
    }

    public void Forget()
    {
        Interlocked.Increment(ref version);
        Volatile.Write(ref current, null);
    }

    private static ConnectionAccess Of(IDictionary<object, object?> items) => ConnectionItems.GetOrAdd<ConnectionAccess>(items, Key);
}
