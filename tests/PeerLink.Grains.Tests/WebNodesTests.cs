using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using PeerLink.Grains.Events;
using PeerLink.Grains.Matching;
using PeerLink.Grains.Moderation;
using PeerLink.Grains.Safety;

namespace PeerLink.Grains.Tests;

/// <summary>The web nodes that take events from dedicated silos, and the events that travel to them.</summary>
public sealed class WebNodesTests : IAsyncLifetime
{
    private static readonly DateTimeOffset At = new(2026, 12, 4, 12, 0, 0, TimeSpan.Zero);

    private PeerLinkSilo silo = null!;

    private IWebNodesGrain Nodes => silo.Silo.GrainFactory.GetGrain<IWebNodesGrain>(0);

    public async Task InitializeAsync() => silo = await PeerLinkSilo.StartAsync();

    public async Task DisposeAsync() => await silo.DisposeAsync();

    [Fact]
    public async Task A_web_node_that_stops_renewing_lapses_after_three_renewals_and_one_that_unsubscribes_goes_at_once()
    {
        var renewing = silo.Silo.Client.CreateObjectReference<IWebNode>(new RecordingNode());
        var silent = silo.Silo.Client.CreateObjectReference<IWebNode>(new RecordingNode());
        var leaving = silo.Silo.Client.CreateObjectReference<IWebNode>(new RecordingNode());
        foreach (var node in new[] { renewing, silent, leaving })
        {
            await Nodes.Subscribe(node);
        }

        Assert.Equal(3, (await Nodes.Nodes()).Count);
        await Nodes.Unsubscribe(leaving);
        Assert.Equal(2, (await Nodes.Nodes()).Count);

        for (var i = 0; i < 3; i++)
        {
            silo.Clock.Advance(WebNodesGrain.RenewEvery);
            await Nodes.Subscribe(renewing);
        }

        silo.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal([renewing.GetGrainId()], (await Nodes.Nodes()).Select(n => n.GetGrainId()));
    }

    [Fact]
    public async Task A_subscribed_web_node_takes_a_batch_of_events_in_order_from_the_silo()
    {
        var received = new RecordingNode();
        var node = silo.Silo.Client.CreateObjectReference<IWebNode>(received);
        await Nodes.Subscribe(node);

        // As a silo's router does: asked on the silo's side, and called from there.
        var onTheSilo = silo.Silo.Services.GetRequiredService<IGrainFactory>();
        var listed = (await onTheSilo.GetGrain<IWebNodesGrain>(0).Nodes()).Single();
        await listed.Deliver(Samples());

        Assert.Equal(Samples().Select(Json), received.Events.Select(Json));
    }

    [Fact]
    public void Every_event_crosses_processes_whole()
    {
        var serializer = silo.Silo.Services.GetRequiredService<Serializer>();
        var concrete = typeof(PeerLinkEvent).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(PeerLinkEvent)) && !t.IsAbstract).ToHashSet();

        // A new event has to be added here, so it is checked too.
        Assert.Equal(concrete.OrderBy(t => t.Name).Select(t => t.Name), Samples().Select(e => e.GetType()).Distinct().OrderBy(t => t.Name).Select(t => t.Name));
        foreach (var e in Samples())
        {
            var back = serializer.Deserialize<PeerLinkEvent>(serializer.SerializeToArray(e))!;
            Assert.Equal(e.GetType(), back.GetType());
            Assert.Equal(Json(e), Json(back));
        }
    }

    private static string Json(PeerLinkEvent e) => JsonSerializer.Serialize(e, e.GetType());

    private static PeerLinkEvent[] Samples() =>
    [
        new QueueUpdated("s", "r1", 2, 40, MatchStage.RelatedIdentity, "Looking wider"),
        new OfferMade("p", "o1", "r1", ["veteran", "carer"], "sleep", At),
        new OfferWithdrawn("p", "o1", "expired"),
        new Matched("s", "c1", "r1", "p", "Alex", "You share: veteran"),
        new ConversationEnded("p", "c1", "s"),
        new CheckInDue("s", "k1", "p", At),
        new MessageReceived("p", "c1", 7, "s", "hello", At),
        new GroupMessageReceived("m", "g1", 3, "s", "Kit", "hi all", At),
        new GroupMemberPresence("m", "g1", "s", true),
        new GroupMemberChanged("m", "g1", "s", "Kit", false),
        new CrisisResourcesOffered("s", "c1", null, [new CrisisLine("Line", "988", null, "https://example.org", "Any time")]),
        new CrisisAlertRaised("mod", new CrisisAlert("a1", "c1", null, 7, "s", "Kit", RiskLevel.High, "excerpt", "en:high:x", At)),
        new ModeratorCalled("mod", new ModeratorCall("call1", "c1", "s", "Kit", "please", At)),
        new ReportFiled("mod", new Report("rep1", "s", new ReportTarget("p", "c1", null, 7), ReportCategory.Harassment, "note", At)),
        new ReportClosed("s", "rep1", "warned"),
        new ModeratorJoined("s", "c1", "mod", "Sam"),
        new ModeratorLeft("s", "c1", "mod", "Sam", "left"),
        new SessionsEnded("s", null),
        new AccessChanged("s"),
        new ModerationNotice("s", "muted", "g1", "cool down", At),
        new GroupUpdated("m", "g1", "pinned", 3, null),
        new MessagesRemoved("m", null, "g1", [3, 4], "account-deleted"),
    ];

    private sealed class RecordingNode : IWebNode
    {
        public List<PeerLinkEvent> Events { get; } = [];

        public Task Deliver(IReadOnlyList<PeerLinkEvent> events)
        {
            lock (Events)
            {
                Events.AddRange(events);
            }

            return Task.CompletedTask;
        }
    }
}
