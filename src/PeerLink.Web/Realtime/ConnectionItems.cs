namespace PeerLink.Web.Realtime;

/// <summary>What PeerLink keeps with a hub connection, in SignalR's per-connection <c>Items</c>.</summary>
internal static class ConnectionItems
{
    /// <summary>The connection's <typeparamref name="T"/> under <paramref name="key"/>, made on first use.</summary>
    public static T GetOrAdd<T>(IDictionary<object, object?> items, string key)
        where T : class, new()
    {
        // Items is a plain dictionary, and a hub call, a send and a ping can reach it at once.
        lock (items)
        {
            if (items.TryGetValue(key, out var found) && found is T existing)
            {
                return existing;
            }

            var created = new T();
            items[key] = created;
            return created;
        }
    }
}
