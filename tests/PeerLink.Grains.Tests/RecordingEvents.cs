using System.Collections.Concurrent;
using PeerLink.Grains.Events;

namespace PeerLink.Grains.Tests;

/// <summary>Keeps every published event so tests can look for them, waiting with a deadline rather than sleeping.</summary>
public sealed class RecordingEvents : IPeerLinkEvents
{
    private readonly ConcurrentQueue<PeerLinkEvent> published = new();

    public IReadOnlyList<PeerLinkEvent> All => [.. published];

    public void Publish(PeerLinkEvent e) => published.Enqueue(e);

    public IReadOnlyList<T> To<T>(string recipientId) where T : PeerLinkEvent =>
        [.. published.OfType<T>().Where(e => e.RecipientId == recipientId)];

    public async Task<T> WaitFor<T>(string recipientId, Func<T, bool>? match = null, TimeSpan? deadline = null) where T : PeerLinkEvent
    {
        T? found = null;
        await Eventually.TrueAsync(
            () => (found = To<T>(recipientId).LastOrDefault(e => match?.Invoke(e) ?? true)) is not null,
            $"a {typeof(T).Name} for {recipientId}",
            deadline);
        return found!;
    }
}
