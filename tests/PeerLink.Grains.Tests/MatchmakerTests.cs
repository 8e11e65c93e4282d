using PeerLink.Grains.Events;
using PeerLink.Grains.Matching;

namespace PeerLink.Grains.Tests;

public sealed class MatchmakerTests
{
    [Fact]
    public async Task A_shared_identity_the_seeker_ranked_higher_wins_and_the_reason_says_so()
    {
        await using var app = await PeerLinkSilo.StartAsync();
        await app.AddPeerAsync("carer-peer", ["carer"]);
        await app.AddPeerAsync("veteran-peer", ["veteran"]);
        await app.AddSeekerAsync("s");

        await app.RequestAsync("s", "veteran", "carer");
        var offer = await app.Events.WaitFor<OfferMade>("veteran-peer");
        await app.English.AcceptOffer(offer.OfferId, "veteran-peer");

        Assert.Empty(app.Events.To<OfferMade>("carer-peer"));
        var matched = await app.Events.WaitFor<Matched>("s");
        Assert.Equal("You are both veterans.", matched.Reason);
        Assert.Equal("veteran-peer", matched.PartnerId);
        Assert.Equal("s", (await app.Events.WaitFor<Matched>("veteran-peer")).PartnerId);
    }

    [Fact]
    public async Task An_offer_shows_the_seekers_identities_and_topic_and_expires_after_the_offer_window()
    {
        await using var app = await PeerLinkSilo.StartAsync();
        await app.AddPeerAsync("p", ["veteran"]);
        await app.AddSeekerAsync("s");

        await app.English.RequestConversation("s", new MatchRequest(["veteran"], "en", "  can't sleep  "));
        var offer = await app.Events.WaitFor<OfferMade>("p");

        Assert.Equal(["veteran"], offer.Identities);
        Assert.Equal("can't sleep", offer.Topic);
        Assert.Equal(app.Clock.GetUtcNow() + TimeSpan.FromSeconds(30), offer.ExpiresAt);
    }

    [Fact]
    public async Task Each_relaxation_stage_widens_the_search_and_is_told_to_the_seeker()
    {
        await using var app = await PeerLinkSilo.StartAsync();
        await app.AddSeekerAsync("s");
        await app.RequestAsync("s", "new-parent");
        await app.AddPeerAsync("carer", ["carer"]);
        await app.AddPeerAsync("student", ["student"]);
        string[] peers = ["carer", "student"];

        await app.AdvanceAsync(TimeSpan.FromSeconds(25), peers);
        Assert.Empty(app.Events.To<OfferMade>("carer"));
        Assert.Equal(MatchStage.SharedIdentity, app.Events.To<QueueUpdated>("s")[^1].Stage);

        await app.AdvanceAsync(TimeSpan.FromSeconds(10), peers);
        var related = await app.Events.WaitFor<QueueUpdated>("s", u => u.Stage == MatchStage.RelatedIdentity);
        var offer = await app.Events.WaitFor<OfferMade>("carer");
        await app.English.DeclineOffer(offer.OfferId, "carer");
        Assert.Empty(app.Events.To<OfferMade>("student"));

        await app.AdvanceAsync(TimeSpan.FromSeconds(60), peers);
        await app.Events.WaitFor<QueueUpdated>("s", u => u.Stage == MatchStage.AnyPeer);
        await app.Events.WaitFor<OfferMade>("student");
        Assert.Contains("close experiences", related.StageDescription, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_decline_moves_the_offer_to_the_next_best_peer_and_the_decliner_never_sees_it_again()
    {
        await using var app = await PeerLinkSilo.StartAsync();
        await app.AddPeerAsync("first", ["veteran", "carer"]);
        await app.AddPeerAsync("second", ["veteran"]);
        await app.AddSeekerAsync("s");
        await app.RequestAsync("s", "veteran", "carer");

        var offer = await app.Events.WaitFor<OfferMade>("first");
        await app.English.DeclineOffer(offer.OfferId, "first");
        var next = await app.Events.WaitFor<OfferMade>("second");
        await app.English.DeclineOffer(next.OfferId, "second");
        await app.AdvanceAsync(TimeSpan.FromMinutes(3), "first", "second");

        Assert.Single(app.Events.To<OfferMade>("first"));
        Assert.Single(app.Events.To<OfferMade>("second"));
        Assert.Equal(1, (await app.English.GetStats()).Waiting);
    }

    [Fact]
    public async Task An_offer_that_gets_no_answer_moves_to_the_next_peer()
    {
        await using var app = await PeerLinkSilo.StartAsync();
        await app.AddPeerAsync("slow", ["veteran", "carer"]);
        await app.AddPeerAsync("next", ["veteran"]);
        await app.AddSeekerAsync("s");
        await app.RequestAsync("s", "veteran", "carer");
        var offer = await app.Events.WaitFor<OfferMade>("slow");

        await app.AdvanceAsync(TimeSpan.FromSeconds(31), "slow", "next");

        var withdrawn = await app.Events.WaitFor<OfferWithdrawn>("slow");
        Assert.Equal((offer.OfferId, "expired"), (withdrawn.OfferId, withdrawn.Reason));
        await app.Events.WaitFor<OfferMade>("next");
        var late = await Assert.ThrowsAsync<RuleViolationException>(() => app.English.AcceptOffer(offer.OfferId, "slow"));
        Assert.Equal("offer-unknown", late.Code);
    }

    [Fact]
    public async Task The_preferred_peer_is_offered_first_even_over_a_closer_identity_match()
    {
        await using var app = await PeerLinkSilo.StartAsync();
        await app.AddPeerAsync("close", ["veteran", "carer"]);
        await app.AddPeerAsync("preferred", ["student"]);
        await app.AddSeekerAsync("s");

        await app.English.RequestConversation("s", new MatchRequest(["veteran", "carer"], "en", PreferredPeerId: "preferred"));

        await app.Events.WaitFor<OfferMade>("preferred");
        Assert.Empty(app.Events.To<OfferMade>("close"));
    }

    [Fact]
    public async Task A_previous_peer_the_seeker_rated_well_comes_before_an_equal_stranger()
    {
        await using var app = await PeerLinkSilo.StartAsync();
        await app.AddPeerAsync("known", ["veteran"]);
        await app.AddSeekerAsync("s");
        var conversationId = await MatchAsync(app, "s", "known", "veteran");
        await app.Conversation(conversationId).End("s");
        await app.Conversation(conversationId).GiveFeedback("s", new Conversations.Feedback(5, TalkAgain: true));
        await app.AddPeerAsync("stranger", ["veteran"]);

        var again = await app.RequestAsync("s", "veteran");

        await app.Events.WaitFor<OfferMade>("known", o => o.RequestId == again);
        Assert.Empty(app.Events.To<OfferMade>("stranger"));
    }

    [Fact]
    public async Task Neither_side_of_a_block_is_ever_offered_the_other()
    {
        await using var app = await PeerLinkSilo.StartAsync();
        var blockingPeer = await app.AddPeerAsync("blocking-peer", ["veteran"]);
        await app.AddPeerAsync("blocked-peer", ["veteran"]);
        var seeker = await app.AddSeekerAsync("s");
        await blockingPeer.Block("s");
        await seeker.Block("blocked-peer");

        await app.RequestAsync("s", "veteran");
        await app.AdvanceAsync(TimeSpan.FromMinutes(3), "blocking-peer", "blocked-peer");

        Assert.Empty(app.Events.To<OfferMade>("blocking-peer"));
        Assert.Empty(app.Events.To<OfferMade>("blocked-peer"));
    }

    [Fact]
    public async Task A_peer_in_cool_down_gets_no_offer_until_it_ends()
    {
        await using var app = await PeerLinkSilo.StartAsync();
        var peer = await app.AddPeerAsync("resting", ["veteran"]);
        await peer.StartCoolDown(TimeSpan.FromMinutes(2));
        await app.AddSeekerAsync("s");
        await app.RequestAsync("s", "veteran");

        await app.AdvanceAsync(TimeSpan.FromSeconds(110), "resting");
        Assert.Empty(app.Events.To<OfferMade>("resting"));
        await app.AdvanceAsync(TimeSpan.FromSeconds(15), "resting");

        await app.Events.WaitFor<OfferMade>("resting");
    }

    [Fact]
    public async Task A_peer_at_capacity_gets_the_next_seeker_only_after_a_conversation_ends()
    {
        await using var app = await PeerLinkSilo.StartAsync();
        await app.AddPeerAsync("p", ["veteran"], capacity: 1);
        await app.AddSeekerAsync("first");
        await app.AddSeekerAsync("second");
        var conversationId = await MatchAsync(app, "first", "p", "veteran");

        await app.RequestAsync("second", "veteran");
        Assert.Single(app.Events.To<OfferMade>("p"));
        await app.Conversation(conversationId).End("p");

        await Eventually.TrueAsync(() => app.Events.To<OfferMade>("p").Count == 2, "the second seeker is offered once the first conversation ends");
        var ended = await app.Events.WaitFor<ConversationEnded>("first");
        Assert.Equal("p", ended.EndedBy);
    }

    [Fact]
    public async Task Among_equally_good_seekers_the_one_waiting_longest_is_offered_first()
    {
        await using var app = await PeerLinkSilo.StartAsync();
        await app.AddSeekerAsync("early");
        await app.AddSeekerAsync("late");
        await app.RequestAsync("early", "veteran");
        await app.AdvanceAsync(TimeSpan.FromSeconds(5));
        var late = await app.RequestAsync("late", "veteran");

        await app.AddPeerAsync("p", ["veteran"], capacity: 1);

        var offer = await app.Events.WaitFor<OfferMade>("p");
        Assert.NotEqual(late, offer.RequestId);
        Assert.Equal(2, (await app.English.GetQueueStatus(late))!.Position);
    }

    [Fact]
    public async Task Cancelling_while_an_offer_is_open_withdraws_it_from_the_peer()
    {
        await using var app = await PeerLinkSilo.StartAsync();
        await app.AddPeerAsync("p", ["veteran"]);
        var seeker = await app.AddSeekerAsync("s");
        var requestId = await app.RequestAsync("s", "veteran");
        var offer = await app.Events.WaitFor<OfferMade>("p");

        await app.English.CancelRequest(requestId, "s");

        var withdrawn = await app.Events.WaitFor<OfferWithdrawn>("p");
        Assert.Equal((offer.OfferId, "cancelled"), (withdrawn.OfferId, withdrawn.Reason));
        Assert.Equal(0, (await app.English.GetStats()).Waiting);
        await app.RequestAsync("s", "veteran");
    }

    [Fact]
    public async Task A_peer_whose_connection_drops_is_unavailable_within_thirty_seconds_and_loses_open_offers()
    {
        await using var app = await PeerLinkSilo.StartAsync();
        await app.AddPeerAsync("gone", ["veteran"]);
        await app.AddSeekerAsync("s");

        // The last heartbeat was when the peer set themselves available; the offer comes 5 s later, so its own
        // 30 s window is still open when the connection's 30 s are up.
        await app.AdvanceAsync(TimeSpan.FromSeconds(5));
        await app.RequestAsync("s", "veteran");
        var offer = await app.Events.WaitFor<OfferMade>("gone");

        await app.AdvanceAsync(TimeSpan.FromSeconds(25));

        var withdrawn = await app.Events.WaitFor<OfferWithdrawn>("gone");
        Assert.Equal((offer.OfferId, "unavailable"), (withdrawn.OfferId, withdrawn.Reason));
        Assert.False((await app.Person("gone").GetProfile()).Available);
    }

    [Fact]
    public async Task Queue_position_and_an_estimate_from_real_match_times_are_published_to_waiting_seekers()
    {
        await using var app = await PeerLinkSilo.StartAsync();
        foreach (var id in new[] { "a", "b", "c" })
        {
            await app.AddSeekerAsync(id);
            await app.RequestAsync(id, "veteran");
        }

        Assert.Equal([1, 2, 3], new[] { "a", "b", "c" }.Select(id => app.Events.To<QueueUpdated>(id)[^1].Position));
        Assert.Null(app.Events.To<QueueUpdated>("c")[^1].EstimatedWaitSeconds);

        await app.AdvanceAsync(TimeSpan.FromSeconds(20));
        await app.AddPeerAsync("p", ["veteran"], capacity: 1);
        var offer = await app.Events.WaitFor<OfferMade>("p");
        await app.English.AcceptOffer(offer.OfferId, "p");
        await app.AdvanceAsync(TimeSpan.FromSeconds(1), "p");

        var update = await app.Events.WaitFor<QueueUpdated>("b", u => u.Position == 1);
        Assert.NotNull(update.EstimatedWaitSeconds);
        Assert.Equal(2, app.Events.To<QueueUpdated>("c")[^1].Position);
    }

    [Fact]
    public async Task A_first_real_wait_time_reaches_every_waiting_seeker_over_a_few_ticks_not_in_one_burst()
    {
        await using var app = await PeerLinkSilo.StartAsync();
        var waiting = Enumerable.Range(0, 600).Select(i => $"w{i}").ToList();
        foreach (var id in waiting)
        {
            await app.AddSeekerAsync(id);
            await app.RequestAsync(id, "carer");
        }

        await app.AddSeekerAsync("v");
        await app.RequestAsync("v", "veteran");
        await app.AddPeerAsync("p", ["veteran"], capacity: 1);
        await app.English.AcceptOffer((await app.Events.WaitFor<OfferMade>("p")).OfferId, "p");
        int WithEstimate() => waiting.Count(id => app.Events.To<QueueUpdated>(id)[^1].EstimatedWaitSeconds is not null);

        var beforeTick = WithEstimate();
        await app.AdvanceAsync(TimeSpan.FromSeconds(1), "p");
        var afterOneTick = WithEstimate();
        await app.AdvanceAsync(TimeSpan.FromSeconds(3), "p");

        Assert.Equal(0, beforeTick);
        Assert.InRange(afterOneTick, 1, 300);
        Assert.Equal(600, WithEstimate());
    }

    private static async Task<string> MatchAsync(PeerLinkSilo app, string seekerId, string peerId, params string[] identities)
    {
        var requestId = await app.RequestAsync(seekerId, identities);
        var offer = await app.Events.WaitFor<OfferMade>(peerId, o => o.RequestId == requestId);
        return await app.English.AcceptOffer(offer.OfferId, peerId);
    }
}
