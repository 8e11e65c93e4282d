namespace PeerLink.Grains.People;

/// <summary>
/// What only an admin may do is checked against the actor's roles as they are now, inside the grain that does it:
/// a token from before a demotion, or an edge that let a call through, changes nothing.
/// </summary>
internal static class ActingAdmin
{
    public static async Task RequireAsync(IGrainFactory grains, string actorId)
    {
        Role roles;
        try
        {
            roles = (await grains.GetGrain<IPersonGrain>(GrainKeys.Validate(actorId)).GetProfile()).Roles;
        }
        catch (Exception e) when (e is ArgumentException or RuleViolationException { Code: "person-unknown" })
        {
            roles = Role.None;
        }

        if (!roles.HasFlag(Role.Admin))
        {
            throw new RuleViolationException("not-an-admin", "Only an admin can do that.");
        }
    }
}
