using PeerLink.Silo.Logs;

namespace PeerLink.Silo.Tests.Logs;

public sealed class MemoryLogStorageTests : LogStorageContract
{
    protected override ILogStorage Storage { get; } = new MemoryLogStorage();

    [Fact]
    public async Task Changing_appended_bytes_afterwards_does_not_change_what_is_stored()
    {
        var data = Bytes("kept");
        await Storage.AppendAsync(LogName, GrainId, data);

        data[0] = (byte)'X';

        Assert.Equal("kept", Text((await Storage.ReadAsync(LogName, GrainId, 0, 1))[0].Data));
    }
}
