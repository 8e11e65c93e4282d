using PeerLink.Grains.People;

namespace PeerLink.Web.Realtime;

/// <summary>
/// A hub method only a person who has this role now may call. <see cref="CurrentAccessHubFilter"/> checks it on every
/// call against the person's current roles; SignalR's own [Authorize] would check the roles the connection opened with.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RequiresRoleAttribute(Role role) : Attribute
{
    public Role Role { get; } = role;
}
