using PeerLink.Grains.Events;
using PeerLink.Grains.People;

namespace PeerLink.Grains.Tests;

/// <summary>Sign-in sessions, as every request and hub call asks about them.</summary>
public sealed class SessionTests
{
    [Fact]
    public async Task An_open_session_answers_with_the_roles_the_person_has_now()
    {
        await using var app = await PeerLinkSilo.StartAsync();
        await app.AddAdminAsync();
        var seeker = await app.AddSeekerAsync("s");
        var session = await seeker.StartSession(app.Clock.GetUtcNow().AddDays(1));

        var before = await seeker.GetAccess(session);
        await seeker.SetRoles(Role.Seeker | Role.Moderator, "admin");

        Assert.Equal(new Access(Role.Seeker, SessionOpen: true), before);
        Assert.Equal(new Access(Role.Seeker | Role.Moderator, SessionOpen: true), await seeker.GetAccess(session));
    }

    [Fact]
    public async Task Signing_out_ends_that_session_only_and_signing_out_everywhere_ends_them_all()
    {
        await using var app = await PeerLinkSilo.StartAsync();
        var seeker = await app.AddSeekerAsync("s");
        var until = app.Clock.GetUtcNow().AddDays(1);
        var (phone, laptop, tablet) = (await seeker.StartSession(until), await seeker.StartSession(until), await seeker.StartSession(until));

        await seeker.EndSession(phone);
        var afterOne = (await seeker.GetAccess(phone), await seeker.GetAccess(laptop));
        await seeker.EndAllSessions();

        Assert.Equal((false, true), (afterOne.Item1.SessionOpen, afterOne.Item2.SessionOpen));
        Assert.False((await seeker.GetAccess(laptop)).SessionOpen);
        Assert.False((await seeker.GetAccess(tablet)).SessionOpen);
        Assert.Contains(app.Events.To<SessionsEnded>("s"), e => e.SessionId == phone);
        Assert.Contains(app.Events.To<SessionsEnded>("s"), e => e.SessionId is null);
    }

    [Fact]
    public async Task A_session_ends_when_it_expires_and_when_the_person_is_deleted()
    {
        await using var app = await PeerLinkSilo.StartAsync();
        var seeker = await app.AddSeekerAsync("s");
        var brief = await seeker.StartSession(app.Clock.GetUtcNow().AddHours(1));
        var longer = await seeker.StartSession(app.Clock.GetUtcNow().AddDays(30));

        app.Clock.Advance(TimeSpan.FromHours(2));
        var expired = await seeker.GetAccess(brief);
        await seeker.DeleteAccount();

        Assert.False(expired.SessionOpen);
        Assert.Equal(Access.None, await seeker.GetAccess(longer));
        Assert.Contains(app.Events.To<SessionsEnded>("s"), e => e.SessionId is null);
    }

    [Fact]
    public async Task An_unknown_session_or_person_is_no_access_at_all()
    {
        await using var app = await PeerLinkSilo.StartAsync();
        var seeker = await app.AddSeekerAsync("s");
        await seeker.StartSession(app.Clock.GetUtcNow().AddDays(1));

        Assert.Equal(Access.None, await seeker.GetAccess("made-up"));
        Assert.Equal(Access.None, await app.Person("nobody").GetAccess("made-up"));
    }

    [Fact]
    public async Task A_person_keeps_at_most_twenty_sessions_and_the_oldest_go_first()
    {
        await using var app = await PeerLinkSilo.StartAsync();
        var seeker = await app.AddSeekerAsync("s");
        var sessions = new List<string>();
        for (var i = 0; i < 21; i++)
        {
            sessions.Add(await seeker.StartSession(app.Clock.GetUtcNow().AddDays(1).AddMinutes(i)));
        }

        Assert.False((await seeker.GetAccess(sessions[0])).SessionOpen);
        Assert.True((await seeker.GetAccess(sessions[1])).SessionOpen);
        Assert.True((await seeker.GetAccess(sessions[20])).SessionOpen);
    }
}
