using PeerLink.Grains.Conversations;
using PeerLink.Grains.Events;

namespace PeerLink.Grains.Tests;

/// <summary>
/// The call chains that come back into a grain. Orleans runs one call at a time per grain and, unlike PeerLink's old
/// runtime, does not let a chain back into a grain it is waiting in: each of these would wait out the response
/// timeout. The methods a conversation or a matchmaker calls to tell a person a fact may interleave (IPersonGrain's
/// remarks), and these tests show it works on purpose.
/// </summary>
public sealed class ReentrancyTests
{
    // Far below Orleans' 30 s response timeout: a chain that deadlocked fails here, plainly, not by timing out.
    private static readonly TimeSpan NoDeadlock = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Deleting_an_account_while_waiting_cancels_the_request_though_the_matchmaker_calls_back_into_the_person()
    {
        await using var app = await PeerLinkSilo.StartAsync();
        await app.AddSeekerAsync("s");
        await app.RequestAsync("s", "veteran");

        // person → matchmaker.CancelRequest → person.EndRequest
        await app.Person("s").DeleteAccount().WaitAsync(NoDeadlock);

        Assert.Equal(0, (await app.English.GetStats()).Waiting);
        Assert.Equal("person-unknown", (await Assert.ThrowsAsync<RuleViolationException>(() => app.Person("s").GetProfile())).Code);
    }

    [Fact]
    public async Task Deleting_an_account_mid_conversation_ends_it_though_the_conversation_calls_back_into_the_person()
    {
        await using var app = await PeerLinkSilo.StartAsync();
        var id = await app.StartConversationAsync();

        // person → conversation.ForgetPerson → End → person.ConversationEnded
        await app.Person("s").DeleteAccount().WaitAsync(NoDeadlock);

        Assert.Equal(ConversationStatus.Ended, (await app.Conversation(id).GetInfo()).Status);
        Assert.Empty((await app.Person("p").GetProfile()).ActiveConversations);
    }

    [Fact]
    public async Task Blocking_the_partner_ends_the_conversation_though_the_conversation_calls_back_into_the_blocker()
    {
        await using var app = await PeerLinkSilo.StartAsync();
        var id = await app.StartConversationAsync();

        // person → conversation.End → person.ConversationEnded
        await app.Person("s").Block("p").WaitAsync(NoDeadlock);

        Assert.Equal(ConversationStatus.Ended, (await app.Conversation(id).GetInfo()).Status);
        Assert.Empty((await app.Person("s").GetProfile()).ActiveConversations);
    }

    [Fact]
    public async Task A_partner_ending_the_conversation_while_the_other_blocks_them_does_not_leave_the_two_waiting_on_each_other()
    {
        await using var app = await PeerLinkSilo.StartAsync();
        for (var round = 0; round < 5; round++)
        {
            var (seeker, peer) = ($"s{round}", $"p{round}");
            var id = await app.StartConversationAsync(seeker, peer);

            // Two chains at once: the blocker waits on the conversation while the conversation, ending for the
            // partner, tells the blocker.
            await Task.WhenAll(app.Person(seeker).Block(peer), app.Conversation(id).End(peer)).WaitAsync(NoDeadlock);

            Assert.Equal(ConversationStatus.Ended, (await app.Conversation(id).GetInfo()).Status);
            Assert.Empty((await app.Person(seeker).GetProfile()).ActiveConversations);
            Assert.Empty((await app.Person(peer).GetProfile()).ActiveConversations);
        }
    }

    [Fact]
    public async Task Offers_and_peer_updates_between_a_matchmaker_and_its_peers_never_wait_on_each_other()
    {
        await using var app = await PeerLinkSilo.StartAsync();
        await app.AddPeerAsync("p", ["veteran"], capacity: 3);
        var seekers = new[] { "a", "b", "c" };
        foreach (var seeker in seekers)
        {
            await app.AddSeekerAsync(seeker);
            await app.RequestAsync(seeker, "veteran");
        }

        // matchmaker → peer.ReserveAsPeer → (other pools, one-way) while the peer pushes its own changes → matchmaker.
        var offers = seekers.Select(async s => (await app.Events.WaitFor<OfferMade>("p", o => app.Events.To<QueueUpdated>(s).Any(q => q.RequestId == o.RequestId)))).ToList();
        var accepts = (await Task.WhenAll(offers)).Select(o => app.English.AcceptOffer(o.OfferId, "p"));
        await Task.WhenAll([.. accepts, app.Person("p").SetAvailability(true, 3), app.Person("p").Connected(PeerLinkSilo.NodeId, 1)]).WaitAsync(NoDeadlock);

        Assert.Equal(3, (await app.Person("p").GetProfile()).ActiveConversations.Count);
    }
}
