using PeerLink.Silo.Reminders;

namespace PeerLink.Silo.Tests.Storage;

/// <summary>What every reminder table must do. Each table's test class runs all of it on a table of its own.</summary>
public abstract class ReminderTableContract
{
    protected GrainId GrainId { get; } = new("user", Guid.NewGuid().ToString("N"));

    protected abstract IReminderTable Table { get; }

    [Fact]
    public async Task A_missing_reminder_reads_as_null()
    {
        Assert.Null(await Table.ReadRowAsync(GrainId, "check-in"));
    }

    [Fact]
    public async Task An_upserted_reminder_reads_back_with_the_etag_it_was_given()
    {
        var entry = Entry("check-in");

        var eTag = await Table.UpsertRowAsync(entry);

        Assert.Equal(entry with { ETag = eTag }, await Table.ReadRowAsync(GrainId, "check-in"));
    }

    [Fact]
    public async Task Upserting_again_replaces_the_reminder_under_a_new_etag()
    {
        var first = await Table.UpsertRowAsync(Entry("check-in"));

        var second = await Table.UpsertRowAsync(Entry("check-in") with { Period = TimeSpan.FromHours(1) });

        Assert.NotEqual(first, second);
        var stored = await Table.ReadRowAsync(GrainId, "check-in");
        Assert.Equal(TimeSpan.FromHours(1), stored?.Period);
        Assert.Equal(second, stored?.ETag);
    }

    [Fact]
    public async Task Remove_with_a_stale_etag_keeps_the_reminder()
    {
        var stale = await Table.UpsertRowAsync(Entry("check-in"));
        var current = await Table.UpsertRowAsync(Entry("check-in"));

        Assert.False(await Table.RemoveRowAsync(GrainId, "check-in", stale));

        Assert.Equal(current, (await Table.ReadRowAsync(GrainId, "check-in"))?.ETag);
    }

    [Fact]
    public async Task Remove_with_the_current_etag_deletes_the_reminder()
    {
        var eTag = await Table.UpsertRowAsync(Entry("check-in"));

        Assert.True(await Table.RemoveRowAsync(GrainId, "check-in", eTag));

        Assert.Null(await Table.ReadRowAsync(GrainId, "check-in"));
    }

    [Fact]
    public async Task Removing_a_missing_reminder_reports_nothing_removed()
    {
        Assert.False(await Table.RemoveRowAsync(GrainId, "check-in", "any"));
    }

    [Fact]
    public async Task Read_all_returns_every_reminder_of_every_grain()
    {
        var otherGrain = new GrainId("group-room", Guid.NewGuid().ToString("N"));
        ReminderEntry[] entries = [Entry("check-in"), Entry("availability"), Entry("check-in") with { GrainId = otherGrain }];
        var stored = new List<ReminderEntry>();
        foreach (var entry in entries)
        {
            stored.Add(entry with { ETag = await Table.UpsertRowAsync(entry) });
        }

        var all = await Table.ReadAllAsync();

        Assert.Equal(stored.OrderBy(Describe), all.OrderBy(Describe));
    }

    protected ReminderEntry Entry(string reminderName) =>
        new(GrainId, reminderName, new DateTimeOffset(2026, 3, 1, 9, 30, 0, TimeSpan.Zero), TimeSpan.FromMinutes(5));

    private static string Describe(ReminderEntry entry) => $"{entry.GrainId}/{entry.ReminderName}";
}
