using System.Security.Cryptography;
using PeerLink.Grains.Events;

namespace PeerLink.Grains.People;

/// <summary>
/// Sign-in sessions: each sign-in opens one, every token and cookie names it, and every request and hub call asks
/// here whether it is still open and what the person may do now. Signing out ends one session or all of them, at once.
/// </summary>
public sealed partial class PersonGrain
{
    // Enough for a person's browsers and devices; the oldest goes first when a new one would pass it.
    private const int MaxSessions = 20;

    public async Task<string> StartSession(DateTimeOffset expiresAt)
    {
        RequireRegistered();
        var now = time.GetUtcNow();
        if (expiresAt <= now)
        {
            throw new RuleViolationException("session-expired", "A session must end after it starts.");
        }

        foreach (var expired in State.Sessions.Where(s => s.Value <= now).Select(s => s.Key).ToList())
        {
            State.Sessions.Remove(expired);
        }

        while (State.Sessions.Count >= MaxSessions)
        {
            State.Sessions.Remove(State.Sessions.MinBy(s => s.Value).Key);
        }

        var sessionId = RandomNumberGenerator.GetHexString(32, lowercase: true);
        State.Sessions[sessionId] = expiresAt;
        await person.WriteStateAsync();
        return sessionId;
    }

    public Task<Access> GetAccess(string sessionId) => Task.FromResult(
        State.Pseudonym is not null && State.Sessions.TryGetValue(sessionId, out var expiresAt) && expiresAt > time.GetUtcNow()
            ? new Access(State.Roles, SessionOpen: true)
            : Access.None);

    public async Task EndSession(string sessionId)
    {
        if (State.Sessions.Remove(sessionId))
        {
            await person.WriteStateAsync();
        }

        events.Publish(new SessionsEnded(PersonId, sessionId));
    }

    public async Task EndAllSessions()
    {
        RequireRegistered();
        State.Sessions.Clear();
        await person.WriteStateAsync();
        events.Publish(new SessionsEnded(PersonId, SessionId: null));
    }
}
