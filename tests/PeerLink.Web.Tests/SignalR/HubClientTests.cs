using PeerLink.Testing.SignalR;

namespace PeerLink.Web.Tests.SignalR;

public sealed class HubClientTests(TestHubServer server) : IClassFixture<TestHubServer>
{
    [Fact]
    public async Task An_invocation_returns_the_hub_methods_result_in_camel_case()
    {
        await using var client = await HubClient.ConnectAsync(server.HubUrl);

        Assert.Equal("hello", await client.InvokeAsync<string>("Echo", "hello"));
        Assert.Equal(new Shape("square", 4), await client.InvokeAsync<Shape>("Describe", "square", 4));
    }

    [Fact]
    public async Task Events_packed_several_to_a_frame_all_arrive_in_order()
    {
        await using var client = await HubClient.ConnectAsync(server.HubUrl);

        await client.InvokeAsync("Burst", 500);
        await client.WaitForEventAsync("Tick", e => e.Argument<int>() == 499);

        Assert.Equal(Enumerable.Range(0, 500), client.Events.Where(e => e.Target == "Tick").Select(e => e.Argument<int>()));
    }

    [Fact]
    public async Task A_server_error_throws_with_its_message_and_the_connection_stays_up()
    {
        await using var client = await HubClient.ConnectAsync(server.HubUrl);

        var error = await Assert.ThrowsAsync<HubInvocationException>(() => client.InvokeAsync("Refuse"));

        Assert.Equal("Refuse", error.Method);
        Assert.Contains("not allowed", error.ServerMessage, StringComparison.Ordinal);
        Assert.Equal("still here", await client.InvokeAsync<string>("Echo", "still here"));
    }

    [Fact]
    public async Task Concurrent_invocations_each_get_their_own_result()
    {
        await using var client = await HubClient.ConnectAsync(server.HubUrl);

        var results = await Task.WhenAll(Enumerable.Range(0, 100).Select(i => client.InvokeAsync<string>("Echo", $"m{i}")));

        Assert.Equal(Enumerable.Range(0, 100).Select(i => $"m{i}"), results);
    }

    [Fact]
    public async Task Calling_an_unknown_method_fails_clearly()
    {
        await using var client = await HubClient.ConnectAsync(server.HubUrl);

        var error = await Assert.ThrowsAsync<HubInvocationException>(() => client.InvokeAsync("NoSuchMethod"));

        Assert.Contains("NoSuchMethod", error.ServerMessage, StringComparison.Ordinal);
    }
}
