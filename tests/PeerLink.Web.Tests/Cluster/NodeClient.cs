using System.Net.Http.Json;
using System.Text.Json;

namespace PeerLink.Web.Tests.Cluster;

/// <summary>HTTP to one node of a cluster: signing in there, and asking it about the cluster.</summary>
internal static class NodeClient
{
    public static HttpClient Http(PeerLinkProcess node, string token)
    {
        var http = new HttpClient { BaseAddress = node.BaseUrl };
        http.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return http;
    }

    /// <summary>Signs in as one of the demo accounts every node seeds.</summary>
    public static async Task<(string PersonId, string Token)> SignInAsync(PeerLinkProcess node, string username)
    {
        using var http = new HttpClient { BaseAddress = node.BaseUrl };
        return await LivePeerLink.SignInAsync(http, "/api/auth/login", new { username, password = PeerLinkCluster.DemoPassword });
    }

    public static async Task<(string PersonId, string Token)> GuestAsync(PeerLinkProcess node, string pseudonym)
    {
        using var http = new HttpClient { BaseAddress = node.BaseUrl };
        return await LivePeerLink.SignInAsync(http, "/api/auth/guest", new { pseudonym });
    }

    /// <summary>How many silos the node's health check counts as active members of its cluster.</summary>
    public static async Task<int> ActiveSilosAsync(PeerLinkProcess node)
    {
        using var http = new HttpClient { BaseAddress = node.BaseUrl };
        var health = await http.GetFromJsonAsync<JsonElement>("/healthz");
        return health.GetProperty("checks").GetProperty("cluster").GetProperty("data").GetProperty("activeSilos").GetInt32();
    }
}
