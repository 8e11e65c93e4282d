using PeerLink.Grains.People;

namespace PeerLink.Grains.Invites;

public sealed class InviteState
{
    public Invite? Invite { get; set; }
}

[GrainType("invite")]
public sealed class InviteGrain([PersistentState("invite")] IPersistentState<InviteState> state, TimeProvider time) : Grain, IInviteGrain
{
    public static readonly TimeSpan MaxValidity = TimeSpan.FromDays(30);

    public async Task<Invite> Create(Role role, string createdBy, TimeSpan validFor)
    {
        await ActingAdmin.RequireAsync(GrainFactory, createdBy);
        if (state.State.Invite is not null)
        {
            throw new RuleViolationException("invite-exists", "This invite code is in use.");
        }

        if (role is not (Role.Peer or Role.Moderator))
        {
            throw new RuleViolationException("invite-role-invalid", "Invites are for peers or moderators.");
        }

        if (validFor <= TimeSpan.Zero || validFor > MaxValidity)
        {
            throw new RuleViolationException("invite-validity-invalid", "An invite is valid for up to 30 days.");
        }

        var now = time.GetUtcNow();
        state.State.Invite = new Invite(role, createdBy, now, now + validFor, RedeemedBy: null);
        await state.WriteStateAsync();
        return state.State.Invite;
    }

    public async Task<Invite> Redeem(string personId)
    {
        var invite = state.State.Invite;
        if (invite is null || invite.RedeemedBy is not null || time.GetUtcNow() >= invite.ExpiresAt)
        {
            // One answer for unknown, used and expired, so codes cannot be probed.
            throw new RuleViolationException("invite-invalid", "This invite code is not valid. Ask an admin for a new one.");
        }

        state.State.Invite = invite with { RedeemedBy = personId };
        await state.WriteStateAsync();
        return state.State.Invite;
    }

    public async Task Release(string personId)
    {
        if (state.State.Invite is { } invite && invite.RedeemedBy == personId)
        {
            state.State.Invite = invite with { RedeemedBy = null };
            await state.WriteStateAsync();
        }
    }
}
