using System.Text.Json;
using StackExchange.Redis;

namespace PeerLink.Web.Realtime;

/// <summary>
/// A change to a person's connections, for every node of the cluster: said once on a Redis channel, and each node
/// (this one too) applies it to the connections it holds. The grain that raised it runs on one node; the person's
/// connections may be open on any.
/// </summary>
internal sealed class ClusterConnections(LocalConnections local, IConnectionMultiplexer redis, RedisChannel channel, ILogger<ClusterConnections> logger)
    : IPersonConnections, IHostedService
{
    public void ForgetAccess(string personId) => Say(new ConnectionsChange(personId, Close: false, SessionId: null));

    public void Close(string personId, string? sessionId) => Say(new ConnectionsChange(personId, Close: true, sessionId));

    public Task StartAsync(CancellationToken cancellationToken) =>
        redis.GetSubscriber().SubscribeAsync(channel, (_, message) => Apply(message));

    public Task StopAsync(CancellationToken cancellationToken) => redis.GetSubscriber().UnsubscribeAsync(channel);

    private void Say(ConnectionsChange change)
    {
        // This node's own connections need not wait for Redis, nor be left as they were while it is away.
        Apply(change);
        redis.GetSubscriber().Publish(channel, JsonSerializer.Serialize(change), CommandFlags.FireAndForget);
    }

    private void Apply(RedisValue message)
    {
        try
        {
            if (JsonSerializer.Deserialize<ConnectionsChange>(message.ToString()) is { PersonId: { } } change)
            {
                Apply(change);
            }
        }
        catch (JsonException e)
        {
            logger.LogWarning(e, "A connections change on {Channel} could not be read", channel);
        }
    }

    private void Apply(ConnectionsChange change)
    {
        if (change.Close)
        {
            local.Close(change.PersonId, change.SessionId);
        }
        else
        {
            local.ForgetAccess(change.PersonId);
        }
    }

    private sealed record ConnectionsChange(string PersonId, bool Close, string? SessionId);
}
