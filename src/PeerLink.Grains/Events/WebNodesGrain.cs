using Microsoft.Extensions.Logging;
using Orleans.Utilities;

namespace PeerLink.Grains.Events;

/// <summary>
/// Keeps the web nodes that renewed lately, with Orleans' own <see cref="ObserverManager{TObserver}"/>: a node killed
/// without a word lapses after three missed renewals, and until then the silos pass it over once a delivery to it
/// fails.
/// </summary>
[GrainType("webnodes")]
public sealed class WebNodesGrain(TimeProvider time, ILogger<WebNodesGrain> logger) : Grain, IWebNodesGrain
{
    /// <summary>How often a web node renews its subscription.</summary>
    public static readonly TimeSpan RenewEvery = TimeSpan.FromSeconds(10);

    private readonly ObserverManager<IWebNode> nodes = new(3 * RenewEvery, logger) { GetDateTime = () => time.GetUtcNow().UtcDateTime };

    public Task Subscribe(IWebNode node)
    {
        nodes.Subscribe(node, node);
        return Task.CompletedTask;
    }

    public Task Unsubscribe(IWebNode node)
    {
        nodes.Unsubscribe(node);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<IWebNode>> Nodes()
    {
        nodes.ClearExpired();
        return Task.FromResult<IReadOnlyList<IWebNode>>([.. nodes]);
    }
}
