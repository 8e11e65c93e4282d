using PeerLink.Grains.Events;
using PeerLink.Grains.Messages;
using PeerLink.Grains.Privacy;
using PeerLink.Silo.Reminders;

namespace PeerLink.Grains.Groups;

/// <summary>
/// Privacy: a room lives on, so its log cannot be cleared whole; a daily sweep takes the words out of
/// messages older than the retention period. A person's export reads their own messages, and a deleted
/// account's messages lose their words.
/// </summary>
public sealed partial class SupportGroupGrain : IRemindable
{
    private const string RetentionReminder = "retention";
    private static readonly TimeSpan SweepEvery = TimeSpan.FromDays(1);

    // Whether this activation knows the sweep is armed, so a message costs no reminder lookup.
    private bool sweepArmed;

    // Resolved here rather than in the constructor, so privacy stays in this file.
    private TimeSpan Retention => RetentionOptions.TranscriptsIn(ServiceProvider);

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != RetentionReminder || State.Settings is null)
        {
            return;
        }

        var cutoff = time.GetUtcNow() - Retention;
        var through = State.ExpiredThrough;
        await foreach (var entry in MessageHistory.ReadAllAsync(messages, after: through))
        {
            // Numbers follow sending time, so everything from the first young message on is kept.
            if (entry.Value.SentAt > cutoff)
            {
                break;
            }

            if (entry.Value.Removed is null)
            {
                await messages.ReplaceAsync(entry.Seq, entry.Value.AsRemoved(StoredMessage.Expired));
            }

            through = entry.Seq;
        }

        if (through != State.ExpiredThrough)
        {
            State.ExpiredThrough = through;
            await group.WriteStateAsync();
        }
    }

    public async Task<MessagePage> GetOwnMessages(string personId)
    {
        RequireRoom();
        return new MessagePage(await MessageHistory.ReadOwnAsync(messages, personId), HasMore: false);
    }

    public async Task ForgetPerson(string personId)
    {
        await Leave(personId);
        var removed = await MessageHistory.RemoveOwnAsync(messages, personId, StoredMessage.AccountDeleted);
        if (State.RemovedUntil.Remove(personId))
        {
            await group.WriteStateAsync();
        }

        if (removed.Count > 0)
        {
            TellRoom(recipient => new MessagesRemoved(recipient, null, GetPrimaryKeyString(), removed, StoredMessage.AccountDeleted));
        }
    }

    /// <summary>Arms the daily sweep once per room: at the first message an activation stores.</summary>
    private async Task ArmRetentionSweepAsync()
    {
        if (!sweepArmed && await GetReminder(RetentionReminder) is null)
        {
            await RegisterOrUpdateReminder(RetentionReminder, SweepEvery, SweepEvery);
        }

        sweepArmed = true;
    }
}
