using PeerLink.Silo.Reminders;
using PeerLink.Silo.Storage;

namespace PeerLink.Silo.Tests.Storage;

public sealed class MemoryReminderTableTests : ReminderTableContract
{
    private readonly MemoryStore store = new();

    protected override IReminderTable Table => new MemoryReminderTable(store);

    [Fact]
    public async Task A_new_table_on_the_same_store_has_the_reminders_of_the_old_one()
    {
        var eTag = await Table.UpsertRowAsync(Entry("check-in"));

        var restarted = new MemoryReminderTable(store);

        Assert.Equal(eTag, (await restarted.ReadRowAsync(GrainId, "check-in"))?.ETag);
    }
}
