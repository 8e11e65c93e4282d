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
    public async Task Sends_start_in_the_order_published_and_overlap_up_to_the_window_when_they_complete_later()
    {
        var started = new ConcurrentQueue<string>();
        var finished = 0;
        var inFlight = 0;
        var mostInFlight = 0;
        var lane = new DeliveryLane(async e =>
        {
            started.Enqueue(((ConversationEnded)e).ConversationId);
            var now = Interlocked.Increment(ref inFlight);
            InterlockedMax(ref mostInFlight, now);
            await Task.Delay(20);
            Interlocked.Decrement(ref inFlight);
            Interlocked.Increment(ref finished);
        });

        const int Count = 3 * DeliveryLane.MaxInFlight;
        for (var i = 0; i < Count; i++)
        {
            lane.Publish(Event(i));
        }

        await Eventually.TrueAsync(() => Volatile.Read(ref finished) == Count, $"{Count} sends");
        Assert.Equal(Enumerable.Range(0, Count).Select(i => $"c{i}"), started);
        Assert.True(mostInFlight > 1, "sends that complete later overlap");
        Assert.True(mostInFlight <= DeliveryLane.MaxInFlight, $"{mostInFlight} sends were in flight at once");
    }

    private static void InterlockedMax(ref int location, int value)
    {
        for (var seen = Volatile.Read(ref location); value > seen; seen = Volatile.Read(ref location))
        {
            if (Interlocked.CompareExchange(ref location, value, seen) == seen)
            {
                return;
            }
        }
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
