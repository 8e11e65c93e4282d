using PeerLink.Grains.Logs;

namespace PeerLink.Silo.Tests.Grains;

/// <summary>A grain that keeps what it is told in a [PersistentLog].</summary>
public interface IJournalGrain : IGrainWithStringKey
{
    Task<long> Write(string text);

    Task<IReadOnlyList<string>> ReadAfter(long after);
}

public sealed record JournalEntry(string Text, int Length);

public sealed class JournalGrain([PersistentLog("journal")] IPersistentLog<JournalEntry> journal) : Grain, IJournalGrain
{
    public Task<long> Write(string text) => journal.AppendAsync(new JournalEntry(text, text.Length));

    public async Task<IReadOnlyList<string>> ReadAfter(long after) =>
        [.. (await journal.ReadAsync(after, 100)).Select(e => $"{e.Seq}:{e.Value.Text}:{e.Value.Length}")];
}

/// <summary>A grain whose [PersistentLog] parameter is of the wrong type.</summary>
public interface IMisdeclaredGrain : IGrainWithStringKey
{
    Task Ping();
}

public sealed class MisdeclaredGrain([PersistentLog("journal")] List<JournalEntry> journal) : Grain, IMisdeclaredGrain
{
    public Task Ping() => Task.FromResult(journal.Count);
}
