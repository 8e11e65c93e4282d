namespace PeerLink.Grains.People;

/// <summary>
/// Presence: which web nodes hold a live connection of this person. A person connected to two nodes is online once,
/// and stays online when one of them closes. A node that dies says nothing, so what each node said lapses after the
/// presence timeout unless its heartbeat renews it.
/// </summary>
public sealed partial class PersonGrain
{
    // Presence lives only in this activation: after a restart a person is away until a node's heartbeat comes again.
    private readonly Dictionary<string, DateTimeOffset> nodes = new(StringComparer.Ordinal);
    private DateTimeOffset? lastHeartbeat;
    private IGrainTimer? presenceTimer;

    public async Task Connected(string nodeId)
    {
        GrainKeys.Validate(nodeId);
        var now = time.GetUtcNow();
        var wasOnline = nodes.Count > 0;
        nodes[nodeId] = now;
        lastHeartbeat = now;
        EnsurePresenceTimer();
        if (!wasOnline)
        {
            await TellRoomsAsync(online: true);
        }

        if (State.AvailabilityChosen && lastPushedAvailable != IsAvailable(now))
        {
            await PushToPoolsAsync();
        }
    }

    public async Task Disconnected(string nodeId)
    {
        // A peer's availability is left to lapse with the heartbeat: a page reloaded comes back within it.
        if (nodes.Remove(nodeId) && nodes.Count == 0)
        {
            await TellRoomsAsync(online: false);
        }
    }

    public Task<bool> IsOnline() => Task.FromResult(nodes.Count > 0);

    // Presence and weekly windows change with time alone, so a timer looks again a few times per timeout.
    private void EnsurePresenceTimer()
    {
        var every = options.PresenceTimeout / 3;
        presenceTimer ??= this.RegisterGrainTimer(async _ =>
        {
            var now = time.GetUtcNow();
            var lapsed = nodes.Where(n => now - n.Value >= options.PresenceTimeout).Select(n => n.Key).ToList();
            lapsed.ForEach(n => nodes.Remove(n));
            if (lapsed.Count > 0 && nodes.Count == 0)
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
