using PeerLink.Grains.Events;
using PeerLink.Grains.Matching;
using PeerLink.Grains.People;

namespace PeerLink.Grains.Tests;

/// <summary>Every refusal has a clear code and message, and leaves the pool exactly as it was.</summary>
public sealed class BadInputTests
{
    public static TheoryData<string, string[], string, string> BadRequests => new()
    {
        { "unknown identity", ["veteran", "dragon-tamer"], "en", "identity-unknown" },
        { "no identity", [], "en", "identities-required" },
        { "repeated identity", ["veteran", "veteran"], "en", "identities-repeated" },
        { "unsupported language", ["veteran"], "tlh", "language-unsupported" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task A_bad_request_is_refused_and_changes_nothing(string what, string[] identities, string language, string code)
    {
        await using var app = await PeerLinkSilo.StartAsync();
        await app.AddSeekerAsync("s");
        var before = await app.English.GetStats();

        var error = await Assert.ThrowsAsync<RuleViolationException>(() => app.English.RequestConversation("s", new MatchRequest(identities, language)));

        Assert.Equal(code, error.Code);
        Assert.False(string.IsNullOrWhiteSpace(error.Message), what);
        Assert.Equal(before, await app.English.GetStats());
        await app.RequestAsync("s", "veteran");
    }

    [Fact]
    public async Task A_topic_longer_than_one_line_is_refused()
    {
        await using var app = await PeerLinkSilo.StartAsync();
        await app.AddSeekerAsync("s");

        var error = await Assert.ThrowsAsync<RuleViolationException>(() => app.English.RequestConversation("s", new MatchRequest(["veteran"], "en", "line one\nline two")));

        Assert.Equal("topic-invalid", error.Code);
        Assert.Equal(0, (await app.English.GetStats()).Waiting);
    }

    [Fact]
    public async Task A_seeker_already_queued_cannot_ask_again()
    {
        await using var app = await PeerLinkSilo.StartAsync();
        await app.AddSeekerAsync("s");
        await app.RequestAsync("s", "veteran");

        var error = await Assert.ThrowsAsync<RuleViolationException>(() => app.RequestAsync("s", "carer"));

        Assert.Equal("already-queued", error.Code);
        Assert.Equal(1, (await app.English.GetStats()).Waiting);
    }

    [Fact]
    public async Task A_seeker_in_a_conversation_cannot_ask_again()
    {
        await using var app = await PeerLinkSilo.StartAsync();
        await app.AddPeerAsync("p", ["veteran"]);
        await app.AddSeekerAsync("s");
        await app.RequestAsync("s", "veteran");
        var offer = await app.Events.WaitFor<OfferMade>("p");
        await app.English.AcceptOffer(offer.OfferId, "p");

        var error = await Assert.ThrowsAsync<RuleViolationException>(() => app.RequestAsync("s", "veteran"));

        Assert.Equal("already-in-conversation", error.Code);
        Assert.Equal(0, (await app.English.GetStats()).Waiting);
    }

    [Fact]
    public async Task A_profile_without_a_language_is_refused_and_the_one_kept_stays()
    {
        await using var app = await PeerLinkSilo.StartAsync();
        var peer = app.Person("p");
        await peer.Register("Alex", Role.Peer);
        await peer.UpdateProfile(new ProfileUpdate(["veteran"], ["en"], "UTC"));

        var error = await Assert.ThrowsAsync<RuleViolationException>(() => peer.UpdateProfile(new ProfileUpdate([], [], "UTC")));

        var kept = await peer.GetProfile();
        Assert.Equal("languages-required", error.Code);
        Assert.Equal(["veteran"], kept.Identities);
        Assert.Equal(["en"], kept.Languages);
    }

    [Fact]
    public async Task A_peer_without_training_cannot_set_themselves_available()
    {
        await using var app = await PeerLinkSilo.StartAsync();
        var peer = app.Person("untrained");
        await peer.Register("Untrained", Role.Peer);
        await peer.UpdateProfile(new ProfileUpdate(["veteran"], ["en"], "UTC"));

        var error = await Assert.ThrowsAsync<RuleViolationException>(() => peer.SetAvailability(true, 2));

        Assert.Equal("training-required", error.Code);
        Assert.False((await peer.GetProfile()).Available);
        await app.AddSeekerAsync("s");
        await app.RequestAsync("s", "veteran");
        await app.AdvanceAsync(TimeSpan.FromMinutes(2), "untrained");
        Assert.Empty(app.Events.To<OfferMade>("untrained"));
    }

    [Fact]
    public async Task A_seeker_cannot_set_availability()
    {
        await using var app = await PeerLinkSilo.StartAsync();
        var seeker = await app.AddSeekerAsync("s");

        var error = await Assert.ThrowsAsync<RuleViolationException>(() => seeker.SetAvailability(true, 2));

        Assert.Equal("role-required", error.Code);
    }

    [Fact]
    public async Task An_accept_from_a_peer_the_offer_was_not_made_to_is_refused_and_the_offer_stays_open()
    {
        await using var app = await PeerLinkSilo.StartAsync();
        await app.AddPeerAsync("p", ["veteran"]);
        await app.AddPeerAsync("other", ["student"]);
        await app.AddSeekerAsync("s");
        await app.RequestAsync("s", "veteran");
        var offer = await app.Events.WaitFor<OfferMade>("p");

        var error = await Assert.ThrowsAsync<RuleViolationException>(() => app.English.AcceptOffer(offer.OfferId, "other"));

        Assert.Equal("offer-not-yours", error.Code);
        Assert.Equal(1, (await app.English.GetStats()).OpenOffers);
        await app.English.AcceptOffer(offer.OfferId, "p");
    }

    [Fact]
    public async Task An_accept_after_the_offer_window_is_refused()
    {
        await using var app = await PeerLinkSilo.StartAsync();
        await app.AddPeerAsync("p", ["veteran"]);
        await app.AddSeekerAsync("s");
        await app.RequestAsync("s", "veteran");
        var offer = await app.Events.WaitFor<OfferMade>("p");

        // Past the window, but before the matchmaker's next tick has expired it.
        app.Clock.Advance(TimeSpan.FromSeconds(30));
        var error = await Assert.ThrowsAsync<RuleViolationException>(() => app.English.AcceptOffer(offer.OfferId, "p"));

        Assert.Contains(error.Code, new[] { "offer-expired", "offer-unknown" });
        Assert.Empty(app.Events.To<Matched>("s"));
        Assert.Empty((await app.Person("p").GetProfile()).ActiveConversations);
    }

    [Fact]
    public async Task A_capacity_outside_one_to_eight_is_refused()
    {
        await using var app = await PeerLinkSilo.StartAsync();
        var peer = await app.AddPeerAsync("p", ["veteran"]);

        var error = await Assert.ThrowsAsync<RuleViolationException>(() => peer.SetAvailability(true, 0));

        Assert.Equal("capacity-invalid", error.Code);
        Assert.Equal(2, (await peer.GetProfile()).Capacity);
    }
}
