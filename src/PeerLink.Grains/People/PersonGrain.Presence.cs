using PeerLink.Grains.Limits;

namespace PeerLink.Grains.People;

/// <summary>
/// Presence: how many live connections each web node holds of this person. A person connected to two nodes is online
/// once, and stays online when one of them closes; the cap on a person's connections counts them on every node. A
/// node that dies says nothing, so what each node said lapses after the presence timeout unless its heartbeat renews it.
/// </summary>
public sealed partial class PersonGrain
{
    // Presence lives only in this activation: after a restart a person is away until a node's heartbeat comes again.
    private NodeLeases? connections;
    private DateTimeOffset? lastHeartbeat;
    private IGrainTimer? presenceTimer;

    private NodeLeases Connections => connections ??= new NodeLeases(options.PresenceTimeout);

    public async Task<bool> Connect(string nodeId, int cap)
    {
        GrainKeys.Validate(nodeId);
        var wasOnline = Connections.Any;
        if (!Connections.TryOpen(nodeId, cap, time.GetUtcNow()))
        {
            return false;
        }

        await HeardFromNodeAsync(wasOnline);
        return true;
    }

    public async Task Connected(string nodeId, int connections)
    {
        GrainKeys.Validate(nodeId);
        var wasOnline = Connections.Any;
        Connections.Hold(nodeId, connections, time.GetUtcNow());
        await HeardFromNodeAsync(wasOnline);
    }

    public async Task Disconnected(string nodeId)
    {
        // A peer's availability is left to lapse with the heartbeat: a page reloaded comes back within it.
        var wasOnline = Connections.Any;
        Connections.Close(nodeId);
        if (wasOnline && !Connections.Any)
        {
            await TellRoomsAsync(online: false);
        }
    }

    public Task<bool> IsOnline() => Task.FromResult(Connections.Any);

    private async Task HeardFromNodeAsync(bool wasOnline)
    {
        var now = time.GetUtcNow();
        lastHeartbeat = now;
        EnsurePresenceTimer();
        if (!wasOnline && Connections.Any)
        {
            await TellRoomsAsync(online: true);
        }

        if (State.AvailabilityChosen && lastPushedAvailable != IsAvailable(now))
        {
            await PushToPoolsAsync();
        }
    }

    // Presence and weekly windows change with time alone, so a timer looks again a few times per timeout.
    private void EnsurePresenceTimer()
    {
        var every = options.PresenceTimeout / 3;
        presenceTimer ??= this.RegisterGrainTimer(async _ =>
        {
            var now = time.GetUtcNow();
            var wasOnline = Connections.Any;
            Connections.Lapse(now);
            if (wasOnline && !Connections.Any)
            {
                await TellRoomsAsync(online: false);
            }

            if (lastPushedAvailable != IsAvailable(now))
            {
                await PushToPoolsAsync();
            }
        }, new GrainTimerCreationOptions(every, every));
    }

    private async Task TellRoomsAsync(bool online)
    {
        foreach (var groupId in State.Rooms)
        {
            await GrainFactory.GetGrain<Groups.ISupportGroupGrain>(groupId).MemberPresenceChanged(PersonId, online);
        }
    }
}
