using System.Collections.Concurrent;

namespace PeerLink.Silo.Tests.Grains;

/// <summary>What test grains did, recorded outside the grains so tests can read it. One per silo.</summary>
public sealed class GrainLog
{
    public ConcurrentQueue<string> Events { get; } = new();

    public void Add(string entry) => Events.Enqueue(entry);

    public int Count(string entry) => Events.Count(e => e == entry);
}
