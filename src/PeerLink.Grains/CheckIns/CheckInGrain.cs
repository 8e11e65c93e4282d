using Microsoft.Extensions.Logging;
using PeerLink.Grains.Events;
using PeerLink.Grains.Matching;

namespace PeerLink.Grains.CheckIns;

public sealed class CheckInState
{
    public CheckInPlan? Plan { get; set; }

    public bool Fired { get; set; }
}

/// <summary>
/// When a check-in falls due, both sides hear of it and the seeker is queued with the same peer preferred:
/// if that peer is free the offer goes to them first, otherwise it is an ordinary request.
/// </summary>
[GrainType("checkin")]
public sealed class CheckInGrain(
    [PersistentState("check-in")] IPersistentState<CheckInState> checkIn,
    TimeProvider time,
    IPeerLinkEvents events,
    ILogger<CheckInGrain> logger) : Grain, ICheckInGrain, IRemindable
{
    private const string ReminderName = "due";

    // Orleans skips a reminder tick that fell due while no silo ran, to the next period. A short period (Orleans'
    // one-minute minimum) means a check-in that fell due during downtime is announced within a minute of start-up,
    // and one that could not be handled is tried again a minute later. It is unregistered once handled.
    private static readonly TimeSpan RetryPeriod = TimeSpan.FromMinutes(1);

    public async Task Schedule(CheckInPlan plan)
    {
        if (checkIn.State.Plan is not null)
        {
            throw new RuleViolationException("check-in-exists", "This check-in is already scheduled.");
        }

        checkIn.State.Plan = plan;
        await checkIn.WriteStateAsync();
        var dueIn = plan.DueAt - time.GetUtcNow();
        await this.RegisterOrUpdateReminder(ReminderName, dueIn > TimeSpan.Zero ? dueIn : TimeSpan.Zero, RetryPeriod);
    }

    public Task<CheckInPlan?> GetPlan() => Task.FromResult(checkIn.State.Plan);

    public async Task Cancel()
    {
        if (checkIn.State is { Plan: not null, Fired: false })
        {
            checkIn.State.Fired = true;
            await checkIn.WriteStateAsync();
        }

        if (await this.GetReminder(ReminderName) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (checkIn.State is { Plan: { } plan, Fired: false })
        {
            checkIn.State.Fired = true;
            await checkIn.WriteStateAsync();
            var id = this.GetPrimaryKeyString();
            events.Publish(new CheckInDue(plan.SeekerId, id, plan.PeerId, plan.DueAt));
            events.Publish(new CheckInDue(plan.PeerId, id, plan.SeekerId, plan.DueAt));
            try
            {
                await GrainFactory.GetGrain<IMatchmakerGrain>(plan.Language)
                    .RequestConversation(plan.SeekerId, new MatchRequest(plan.SeekerIdentities, plan.Language, "Check-in", plan.PeerId));
            }
            catch (RuleViolationException e)
            {
                // Already waiting or already talking: the check-in was still announced to both.
                logger.LogInformation("Check-in {CheckInId} did not queue a request: {Reason}", id, e.Message);
            }
        }

        if (await this.GetReminder(ReminderName) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }
}
