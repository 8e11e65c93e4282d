using PeerLink.Silo.Storage;

namespace PeerLink.Silo.Tests.Storage;

public sealed class MemoryGrainStorageTests : GrainStorageContract
{
    private readonly MemoryStore store = new();

    protected override IGrainStorage Storage => new MemoryGrainStorage(store);

    [Fact]
    public async Task A_new_storage_on_the_same_store_reads_what_the_old_one_wrote()
    {
        await WriteNewAsync("Ada");
        var restarted = new MemoryGrainStorage(store);
        var state = new GrainState<ProfileState>(new ProfileState());

        await restarted.ReadStateAsync(StateName, GrainId, state);

        Assert.True(state.RecordExists);
        Assert.Equal("Ada", state.State.Name);
    }

    [Fact]
    public async Task Changing_a_state_after_writing_it_does_not_change_what_is_stored()
    {
        var written = await WriteNewAsync("Ada", "listener");

        written.State.Name = "changed";
        written.State.Tags.Add("changed");

        var stored = await ReadAsync();
        Assert.Equal("Ada", stored.State.Name);
        Assert.Equal(["listener"], stored.State.Tags);
    }

    [Fact]
    public async Task Every_read_gets_its_own_copy()
    {
        await WriteNewAsync("Ada");

        var first = await ReadAsync();
        var second = await ReadAsync();

        Assert.NotSame(first.State, second.State);
    }

    [Fact]
    public async Task Health_probe_is_always_healthy()
    {
        var probe = (IStorageHealthProbe)Storage;

        await probe.PingAsync(CancellationToken.None);

        Assert.Equal("memory", probe.Name);
    }

    protected override Task PutRawAsync(string stateName, GrainId grainId, byte[] data)
    {
        Assert.True(store.TrySwapState(stateName, grainId, expectedETag: null, new StoredState("raw", data), out _));
        return Task.CompletedTask;
    }

    protected override Task<byte[]?> ReadRawAsync(string stateName, GrainId grainId) =>
        Task.FromResult(store.ReadState(stateName, grainId)?.Data);
}
