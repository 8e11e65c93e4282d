using PeerLink.Testing.SignalR;

namespace PeerLink.Load.Scenario;

/// <summary>One simulated person: who they are, and their hub connection once connected.</summary>
internal sealed class SimPerson(string personId, string token)
{
    public string PersonId { get; } = personId;

    public string Token { get; } = token;

    public HubClient Hub { get; set; } = null!;
}
