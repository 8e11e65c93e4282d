using PeerLink.Grains.Events;
using PeerLink.Grains.People;

namespace PeerLink.Grains.Tests;

public sealed class AvailabilityTests
{
    [Fact]
    public async Task A_peer_with_weekly_windows_is_offered_only_inside_them_in_their_own_time_zone()
    {
        await using var app = await PeerLinkSilo.StartAsync();
        var now = app.Clock.GetUtcNow();
        var tokyo = TimeZoneInfo.ConvertTime(now, TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo"));
        var windowStart = TimeOnly.FromDateTime(tokyo.DateTime).AddMinutes(2);
        var peer = await app.AddPeerAsync("p", ["veteran"]);
        await peer.UpdateProfile(new ProfileUpdate(["veteran"], ["en"], "Asia/Tokyo"));
        await peer.SetWeeklyWindows([new WeeklyWindow(tokyo.DayOfWeek, windowStart, windowStart.AddHours(1))]);
        await app.AddSeekerAsync("s");
        await app.RequestAsync("s", "veteran");

        await app.AdvanceAsync(TimeSpan.FromSeconds(90), "p");
        Assert.Empty(app.Events.To<OfferMade>("p"));
        await app.AdvanceAsync(TimeSpan.FromSeconds(45), "p");

        await app.Events.WaitFor<OfferMade>("p");
        Assert.True((await peer.GetProfile()).Available);
    }

    [Fact]
    public async Task A_window_that_ends_before_it_starts_is_refused()
    {
        await using var app = await PeerLinkSilo.StartAsync();
        var peer = await app.AddPeerAsync("p", ["veteran"]);

        var error = await Assert.ThrowsAsync<RuleViolationException>(() =>
            peer.SetWeeklyWindows([new WeeklyWindow(DayOfWeek.Monday, new TimeOnly(18, 0), new TimeOnly(9, 0))]));

        Assert.Equal("windows-invalid", error.Code);
        Assert.Empty((await peer.GetProfile()).WeeklyWindows);
    }
}
