using PeerLink.Silo.Reminders;
using PeerLink.Silo.Storage;

namespace PeerLink.Silo.Tests.Storage;

public sealed class MemoryReminderTableTests : ReminderTableContract
{
    private readonly MemoryStore store = new();

    public MemoryReminderTableTests() => Table = new MemoryReminderTable(store);

    protected override IReminderTable Table { get; }

    [Fact]
    public async Task A_new_table_on_the_same_store_has_the_reminders_of_the_old_one()
    {
        var eTag = await Table.UpsertRowAsync(Entry("check-in"));

        var restarted = new MemoryReminderTable(store);

        Assert.Equal(eTag, (await restarted.ReadRowAsync(GrainId, "check-in"))?.ETag);
    }
}
