using System.Collections.Concurrent;
using PeerLink.Grains.Events;
using PeerLink.Testing;
using PeerLink.Web.Realtime;

namespace PeerLink.Web.Tests.Realtime;

public sealed class DeliveryLaneTests
{
    private static ConversationEnded Event(int n) => new("p", $"c{n}", "x");

    [Fact]
    public void An_event_published_to_an_idle_lane_is_sent_before_publish_returns_on_the_same_thread()
    {
        int? sentOn = null;
        var lane = new DeliveryLane(_ =>
        {
            sentOn = Environment.CurrentManagedThreadId;
            return Task.CompletedTask;
        });

        lane.Publish(Event(1));

        Assert.Equal(Environment.CurrentManagedThreadId, sentOn);
    }

    [Fact]
    public async Task Events_are_sent_one_at_a_time_in_the_order_published_even_when_sends_complete_later()
    {
        var sent = new ConcurrentQueue<string>();
        var inFlight = 0;
        var overlapped = false;
        var lane = new DeliveryLane(async e =>
        {
            overlapped |= Interlocked.Increment(ref inFlight) > 1;
            await Task.Delay(1);
            sent.Enqueue(((ConversationEnded)e).ConversationId);
            Interlocked.Decrement(ref inFlight);
        });

        for (var i = 0; i < 50; i++)
        {
            lane.Publish(Event(i));
        }

        await Eventually.TrueAsync(() => sent.Count == 50, "50 sends");
        Assert.Equal(Enumerable.Range(0, 50).Select(i => $"c{i}"), sent);
        Assert.False(overlapped);
    }

    [Fact]
    public async Task A_publisher_inside_another_scheduler_does_not_lend_it_to_the_sends()
    {
        TaskScheduler? seenBySend = null;
        var lane = new DeliveryLane(e =>
        {
            seenBySend = TaskScheduler.Current;
            return Task.CompletedTask;
        });

        // As a grain turn does: the publisher runs as a task on a scheduler of its own.
        var exclusive = new ConcurrentExclusiveSchedulerPair().ExclusiveScheduler;
        await Task.Factory.StartNew(() => lane.Publish(Event(1)), CancellationToken.None, TaskCreationOptions.None, exclusive);

        Assert.Same(TaskScheduler.Default, seenBySend);
    }

    [Fact]
    public void A_closed_lane_sends_nothing_more()
    {
        var sent = 0;
        var lane = new DeliveryLane(_ =>
        {
            sent++;
            return Task.CompletedTask;
        });

        lane.Close();
        lane.Publish(Event(1));

        Assert.Equal(0, sent);
    }
}
