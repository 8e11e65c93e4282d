using PeerLink.Grains.Events;
using PeerLink.Grains.Messages;
using PeerLink.Grains.Privacy;

namespace PeerLink.Grains.Conversations;

/// <summary>
/// Privacy: the transcript is cleared once the retention period after the end has passed, a person's
/// export reads their own messages, and a deleted account's messages lose their words.
/// </summary>
public sealed partial class ConversationGrain : IRemindable
{
    private const string PurgeReminder = "purge-transcript";

    // Orleans skips a reminder tick that fell due while no silo ran, to the next period. A short period (Orleans'
    // one-minute minimum) means a purge that fell due during downtime happens within a minute of start-up, and one
    // that could not finish is retried a minute later. The reminder is unregistered once the purge is done.
    private static readonly TimeSpan RetryPeriod = TimeSpan.FromMinutes(1);

    // Resolved here rather than in the constructor, so privacy stays in this file.
    private TimeSpan Retention => RetentionOptions.TranscriptsIn(ServiceProvider);

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != PurgeReminder)
        {
            return;
        }

        if (State is { Status: ConversationStatus.Ended, EndedAt: { } endedAt, TranscriptPurgedAt: null })
        {
            if (time.GetUtcNow() < endedAt + Retention)
            {
                await SchedulePurgeAsync(endedAt);
                return;
            }

            // Cleared before it is recorded: a crash in between only makes the next tick clear an empty log again.
            await messages.ClearAsync();
            State.TranscriptPurgedAt = time.GetUtcNow();
            await conversation.WriteStateAsync();
        }

        if (await this.GetReminder(PurgeReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    public async Task<MessagePage> GetOwnMessages(string personId)
    {
        if (State.Start is null)
        {
            return new MessagePage([], HasMore: false);
        }

        RequireParticipant(personId);
        return new MessagePage(await MessageHistory.ReadOwnAsync(messages, personId), HasMore: false, State.TranscriptPurgedAt);
    }

    public async Task ForgetPerson(string personId)
    {
        if (State.Start is not { } start)
        {
            return;
        }

        RequireParticipant(personId);
        if (State.Status == ConversationStatus.Active)
        {
            await End(personId);
        }

        var removed = await MessageHistory.RemoveOwnAsync(messages, personId, StoredMessage.AccountDeleted);
        if (State.Feedback.Remove(personId))
        {
            await conversation.WriteStateAsync();
        }

        if (removed.Count > 0)
        {
            foreach (var recipient in Everyone(start))
            {
                events.Publish(new MessagesRemoved(recipient, this.GetPrimaryKeyString(), null, removed, StoredMessage.AccountDeleted));
            }
        }
    }

    /// <summary>Arms the purge for <paramref name="endedAt"/> plus the retention period; registering again moves it.</summary>
    private Task SchedulePurgeAsync(DateTimeOffset endedAt)
    {
        var wait = endedAt + Retention - time.GetUtcNow();
        return this.RegisterOrUpdateReminder(PurgeReminder, wait < TimeSpan.Zero ? TimeSpan.Zero : wait, RetryPeriod);
    }

    private async Task<MessagePage> ReadTranscriptAsync(long after, int limit) =>
        await MessageHistory.ReadPageAsync(messages, after, limit) with { PurgedAt = State.TranscriptPurgedAt };
}
