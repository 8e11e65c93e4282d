using PeerLink.Silo.Storage;

namespace PeerLink.Silo.Tests.Storage;

/// <summary>What every grain storage provider must do. Each provider's test class runs all of it.</summary>
public abstract class GrainStorageContract
{
    protected const string StateName = ProfileStorage.StateName;

    protected GrainId GrainId { get; } = new("user", Guid.NewGuid().ToString("N"));

    protected abstract IGrainStorage Storage { get; }

    /// <summary>Puts bytes in the store under an ETag of "raw", as some other writer might have.</summary>
    protected abstract Task PutRawAsync(string stateName, GrainId grainId, byte[] data);

    protected abstract Task<byte[]?> ReadRawAsync(string stateName, GrainId grainId);

    [Fact]
    public async Task Reading_a_missing_record_reports_no_record_and_leaves_the_state_alone()
    {
        var kept = new ProfileState { Name = "kept" };
        var state = new GrainState<ProfileState>(kept) { ETag = "old", RecordExists = true };

        await Storage.ReadStateAsync(StateName, GrainId, state);

        Assert.False(state.RecordExists);
        Assert.Null(state.ETag);
        Assert.Same(kept, state.State);
    }

    [Fact]
    public async Task Written_state_reads_back_into_a_new_grain_state()
    {
        var written = await WriteNewAsync("Ada", "listener");

        var read = await ReadAsync();

        Assert.True(written.RecordExists);
        Assert.True(read.RecordExists);
        Assert.NotNull(read.ETag);
        Assert.Equal(written.ETag, read.ETag);
        Assert.Equal("Ada", read.State.Name);
        Assert.Equal(["listener"], read.State.Tags);
    }

    [Fact]
    public async Task Every_write_gets_a_new_etag()
    {
        var state = await WriteNewAsync("Ada");
        var first = state.ETag;

        await Storage.WriteStateAsync(StateName, GrainId, state);

        Assert.NotEqual(first, state.ETag);
    }

    [Fact]
    public async Task Write_with_a_stale_etag_is_rejected_and_the_first_writers_data_stays()
    {
        await WriteNewAsync("original");
        var first = await ReadAsync();
        var second = await ReadAsync();
        var staleETag = second.ETag;
        first.State.Name = "first";
        await Storage.WriteStateAsync(StateName, GrainId, first);

        second.State.Name = "second";
        var rejection = await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteStateAsync(StateName, GrainId, second));

        Assert.Equal(first.ETag, rejection.StoredEtag);
        Assert.Equal(staleETag, rejection.CurrentEtag);
        Assert.Equal(staleETag, second.ETag);
        var stored = await ReadAsync();
        Assert.Equal("first", stored.State.Name);
        Assert.Equal(first.ETag, stored.ETag);
    }

    [Fact]
    public async Task Write_expecting_no_record_is_rejected_when_one_exists()
    {
        var existing = await WriteNewAsync("existing");
        var newcomer = new GrainState<ProfileState>(new ProfileState { Name = "newcomer" });

        var rejection = await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteStateAsync(StateName, GrainId, newcomer));

        Assert.Equal(existing.ETag, rejection.StoredEtag);
        Assert.Null(rejection.CurrentEtag);
        Assert.Equal("existing", (await ReadAsync()).State.Name);
    }

    [Fact]
    public async Task Of_many_concurrent_writers_holding_the_same_etag_exactly_one_wins()
    {
        var original = await WriteNewAsync("original");
        var writers = Enumerable.Range(0, 16)
            .Select(i => new GrainState<ProfileState>(new ProfileState { Name = $"writer {i}" }) { ETag = original.ETag, RecordExists = true })
            .ToList();

        var won = await Task.WhenAll(writers.Select(writer => Task.Run(async () =>
        {
            try
            {
                await Storage.WriteStateAsync(StateName, GrainId, writer);
                return true;
            }
            catch (InconsistentStateException)
            {
                return false;
            }
        })));

        var winner = Assert.Single(writers.Where((_, i) => won[i]));
        var stored = await ReadAsync();
        Assert.Equal(winner.State.Name, stored.State.Name);
        Assert.Equal(winner.ETag, stored.ETag);
    }

    [Fact]
    public async Task Cleared_state_reads_as_missing()
    {
        var state = await WriteNewAsync("Ada");

        await Storage.ClearStateAsync(StateName, GrainId, state);

        Assert.Null(state.ETag);
        Assert.False(state.RecordExists);
        Assert.False((await ReadAsync()).RecordExists);
        Assert.Null(await ReadRawAsync(StateName, GrainId));
    }

    [Fact]
    public async Task Clear_with_a_stale_etag_is_rejected_and_the_record_stays()
    {
        var current = await WriteNewAsync("Ada");
        var stale = new GrainState<ProfileState>(new ProfileState()) { ETag = current.ETag, RecordExists = true };
        await Storage.WriteStateAsync(StateName, GrainId, current);

        var rejection = await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.ClearStateAsync(StateName, GrainId, stale));

        Assert.Equal(current.ETag, rejection.StoredEtag);
        Assert.True(stale.RecordExists);
        var stored = await ReadAsync();
        Assert.True(stored.RecordExists);
        Assert.Equal(current.ETag, stored.ETag);
    }

    [Fact]
    public async Task A_writer_holding_an_etag_from_before_a_clear_cannot_overwrite_the_record_written_since()
    {
        var late = await WriteNewAsync("late");
        var other = await ReadAsync();
        await Storage.ClearStateAsync(StateName, GrainId, other);
        other.State.Name = "rewritten";
        await Storage.WriteStateAsync(StateName, GrainId, other);

        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteStateAsync(StateName, GrainId, late));

        Assert.Equal("rewritten", (await ReadAsync()).State.Name);
    }

    [Fact]
    public async Task Corrupt_stored_data_fails_the_read_naming_the_grain_and_stays_as_it_was()
    {
        byte[] corrupt = "{\"name\": not json"u8.ToArray();
        await PutRawAsync(StateName, GrainId, corrupt);
        var kept = new ProfileState { Name = "kept" };
        var state = new GrainState<ProfileState>(kept);

        var failure = await Assert.ThrowsAsync<GrainStorageException>(() => Storage.ReadStateAsync(StateName, GrainId, state));

        Assert.Contains(GrainId.ToString(), failure.Message, StringComparison.Ordinal);
        Assert.Same(kept, state.State);
        Assert.Null(state.ETag);
        Assert.False(state.RecordExists);
        Assert.Equal(corrupt, await ReadRawAsync(StateName, GrainId));
    }

    protected Task<GrainState<ProfileState>> WriteNewAsync(string name, params string[] tags) => Storage.WriteNewProfileAsync(GrainId, name, tags);

    protected Task<GrainState<ProfileState>> ReadAsync() => Storage.ReadProfileAsync(GrainId);
}
