using PeerLink.Grains.Events;
using PeerLink.Grains.Messages;
using PeerLink.Grains.Privacy;

namespace PeerLink.Grains.Groups;

/// <summary>
/// Privacy: a room lives on, so its log cannot be cleared whole; each message loses its words once it is older than
/// the retention period. A person's export reads their own messages, and a deleted account's messages lose their words.
/// </summary>
/// <remarks>
/// One reminder per room, due when the oldest message still kept expires. Each tick clears what has expired and moves
/// the reminder on to the next message's expiry; with nothing left to expire it goes, and the next message arms it
/// again. Orleans skips a tick that fell due while no silo ran to the next period, so the period is Orleans' one-minute
/// minimum: an expiry missed during downtime is dealt with within a minute of start-up.
/// </remarks>
public sealed partial class SupportGroupGrain : IRemindable
{
    private const string RetentionReminder = "retention";
    private static readonly TimeSpan RetryPeriod = TimeSpan.FromMinutes(1);

    // Whether this activation knows the sweep is armed, so a message costs no reminder lookup.
    private bool sweepArmed;

    // Resolved here rather than in the constructor, so privacy stays in this file.
    private TimeSpan Retention => RetentionOptions.TranscriptsIn(ServiceProvider);

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != RetentionReminder)
        {
            return;
        }

        var now = time.GetUtcNow();
        var through = State.ExpiredThrough;
        DateTimeOffset? nextExpiry = null;
        await foreach (var entry in MessageHistory.ReadAllAsync(messages, after: through))
        {
            // Numbers follow sending time, so everything from the first young message on is kept.
            if (entry.Value.SentAt + Retention > now)
            {
                nextExpiry = entry.Value.SentAt + Retention;
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

        if (nextExpiry is { } next)
        {
            await this.RegisterOrUpdateReminder(RetentionReminder, next - now, RetryPeriod);
        }
        else if (await this.GetReminder(RetentionReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
            sweepArmed = false;
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
            TellRoom(recipient => new MessagesRemoved(recipient, null, this.GetPrimaryKeyString(), removed, StoredMessage.AccountDeleted));
        }
    }

    /// <summary>
    /// Arms the sweep for a message just stored, once per activation. With no reminder there is no older message
    /// waiting to expire, so this one is next: due when it expires.
    /// </summary>
    private async Task ArmRetentionSweepAsync()
    {
        if (!sweepArmed && await this.GetReminder(RetentionReminder) is null)
        {
            await this.RegisterOrUpdateReminder(RetentionReminder, Retention, RetryPeriod);
        }

        sweepArmed = true;
    }
}
