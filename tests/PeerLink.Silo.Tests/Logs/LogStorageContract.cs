using System.Text;
using PeerLink.Silo.Logs;

namespace PeerLink.Silo.Tests.Logs;

/// <summary>What every log storage must do. Each storage's test class runs all of it.</summary>
public abstract class LogStorageContract
{
    protected const string LogName = "messages";

    protected GrainId GrainId { get; } = GrainId.Create("room", Guid.NewGuid().ToString("N"));

    protected abstract ILogStorage Storage { get; }

    [Fact]
    public async Task Appends_are_numbered_from_one_in_order()
    {
        var seqs = new List<long>();
        foreach (var text in new[] { "a", "b", "c" })
        {
            seqs.Add(await Storage.AppendAsync(LogName, GrainId, Bytes(text)));
        }

        Assert.Equal([1L, 2L, 3L], seqs);
        Assert.Equal(3, await Storage.GetLengthAsync(LogName, GrainId));
    }

    [Fact]
    public async Task Reading_after_a_sequence_number_returns_only_the_later_entries_up_to_the_limit()
    {
        await AppendAsync("a", "b", "c", "d", "e");

        var page = await Storage.ReadAsync(LogName, GrainId, after: 1, max: 3);

        Assert.Equal([(2L, "b"), (3L, "c"), (4L, "d")], page.Select(e => (e.Seq, Text(e.Data))));
    }

    [Fact]
    public async Task Reading_past_the_end_or_a_missing_log_returns_nothing()
    {
        await AppendAsync("a");
        var never = GrainId.Create("room", "never-written");

        Assert.Empty(await Storage.ReadAsync(LogName, GrainId, after: 1, max: 10));
        Assert.Empty(await Storage.ReadAsync(LogName, never, after: 0, max: 10));
        Assert.Equal(0, await Storage.GetLengthAsync(LogName, never));
    }

    [Fact]
    public async Task Logs_of_other_grains_and_other_names_are_separate()
    {
        await AppendAsync("mine");
        await Storage.AppendAsync("other-log", GrainId, Bytes("other name"));
        await Storage.AppendAsync(LogName, GrainId.Create("room", GrainId.Key + "-2"), Bytes("other grain"));

        var page = await Storage.ReadAsync(LogName, GrainId, 0, 10);

        Assert.Equal(["mine"], page.Select(e => Text(e.Data)));
    }

    [Fact]
    public async Task Replacing_an_entry_keeps_every_sequence_number()
    {
        await AppendAsync("a", "b", "c");

        await Storage.ReplaceAsync(LogName, GrainId, 2, Bytes("redacted"));

        var page = await Storage.ReadAsync(LogName, GrainId, 0, 10);
        Assert.Equal([(1L, "a"), (2L, "redacted"), (3L, "c")], page.Select(e => (e.Seq, Text(e.Data))));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(3)]
    public async Task Replacing_an_entry_that_does_not_exist_is_refused_and_changes_nothing(long seq)
    {
        await AppendAsync("a", "b");

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Storage.ReplaceAsync(LogName, GrainId, seq, Bytes("x")));

        Assert.Equal(["a", "b"], (await Storage.ReadAsync(LogName, GrainId, 0, 10)).Select(e => Text(e.Data)));
    }

    [Fact]
    public async Task Bad_read_ranges_are_refused()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Storage.ReadAsync(LogName, GrainId, after: -1, max: 10));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Storage.ReadAsync(LogName, GrainId, after: 0, max: 0));
    }

    [Fact]
    public async Task Clearing_a_log_empties_it_and_numbering_starts_again()
    {
        await AppendAsync("a", "b");

        await Storage.ClearAsync(LogName, GrainId);

        Assert.Equal(0, await Storage.GetLengthAsync(LogName, GrainId));
        Assert.Equal(1, await Storage.AppendAsync(LogName, GrainId, Bytes("again")));
    }

    [Fact]
    public async Task Concurrent_appends_get_distinct_consecutive_numbers()
    {
        var seqs = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => Storage.AppendAsync(LogName, GrainId, Bytes($"m{i}"))));

        Assert.Equal(Enumerable.Range(1, 200).Select(i => (long)i), seqs.Order());
    }

    protected async Task AppendAsync(params string[] texts)
    {
        foreach (var text in texts)
        {
            await Storage.AppendAsync(LogName, GrainId, Bytes(text));
        }
    }

    protected static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    protected static string Text(ReadOnlyMemory<byte> data) => Encoding.UTF8.GetString(data.Span);
}
