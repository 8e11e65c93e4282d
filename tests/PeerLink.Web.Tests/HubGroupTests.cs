using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PeerLink.Grains.Groups;
using PeerLink.Testing.SignalR;

namespace PeerLink.Web.Tests;

public sealed class HubGroupTests
{
    private const string RoomId = "carers";

    [Fact]
    public async Task Three_members_join_a_room_see_each_other_and_every_message_in_order()
    {
        await using var app = await StartWithRoomAsync();
        var people = new List<((string PersonId, string Token) Person, HubClient Hub)>();
        foreach (var name in new[] { "Ash", "Bea", "Cal" })
        {
            var person = await app.GuestAsync(name);
            people.Add((person, await HubClient.ConnectAsync(app.HubUrl, person.Token)));
        }

        try
        {
            JsonElement joined = default;
            foreach (var (_, hub) in people)
            {
                joined = await hub.InvokeAsync<JsonElement>("JoinGroup", RoomId);
            }

            await people[0].Hub.InvokeAsync<JsonElement>("SendGroupMessage", RoomId, "evening all");
            await people[1].Hub.InvokeAsync<JsonElement>("SendGroupMessage", RoomId, "hi Ash");
            var last = await people[2].Hub.InvokeAsync<JsonElement>("SendGroupMessage", RoomId, "long day here");

            Assert.Equal(3, last.GetProperty("seq").GetInt64());
            Assert.Equal(["Ash", "Bea", "Cal"], joined.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("pseudonym").GetString()));
            Assert.All(joined.GetProperty("members").EnumerateArray(), m => Assert.True(m.GetProperty("online").GetBoolean()));
            foreach (var (_, hub) in people)
            {
                await Eventually.TrueAsync(() => hub.Events.Count(e => e.Target == "GroupMessageReceived") == 3, "three room messages");
                var heard = hub.Events.Where(e => e.Target == "GroupMessageReceived").Select(e => e.Arguments[0]).ToList();
                Assert.Equal(
                    [(1L, "Ash", "evening all"), (2L, "Bea", "hi Ash"), (3L, "Cal", "long day here")],
                    heard.Select(m => (m.GetProperty("seq").GetInt64(), m.GetProperty("pseudonym").GetString(), m.GetProperty("text").GetString())));
            }

            var ashHeardJoins = people[0].Hub.Events.Where(e => e.Target == "GroupMemberChanged").Select(e => e.Arguments[0].GetProperty("pseudonym").GetString());
            Assert.Equal(["Ash", "Bea", "Cal"], ashHeardJoins);

            await people[2].Hub.InvokeAsync("LeaveGroup", RoomId);
            var left = await people[0].Hub.WaitForEventAsync("GroupMemberChanged", e => !e.Arguments[0].GetProperty("joined").GetBoolean());
            Assert.Equal(people[2].Person.PersonId, left.Arguments[0].GetProperty("personId").GetString());

            using var http = app.Client(people[0].Person.Token);
            var history = await http.GetFromJsonAsync<JsonElement>($"/api/groups/{RoomId}/messages?after=1");
            Assert.Equal(["hi Ash", "long day here"], history.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("text").GetString()));
            var rooms = await http.GetFromJsonAsync<JsonElement>("/api/groups");
            var room = Assert.Single(rooms.EnumerateArray());
            Assert.Equal((RoomId, 2), (room.GetProperty("groupId").GetString(), room.GetProperty("memberCount").GetInt32()));
        }
        finally
        {
            foreach (var (_, hub) in people)
            {
                await hub.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task Members_see_each_other_go_offline_and_come_back()
    {
        await using var app = await StartWithRoomAsync();
        var ash = await app.GuestAsync("Ash");
        var bea = await app.GuestAsync("Bea");
        await using var ashHub = await HubClient.ConnectAsync(app.HubUrl, ash.Token);
        var beaHub = await HubClient.ConnectAsync(app.HubUrl, bea.Token);
        await ashHub.InvokeAsync<JsonElement>("JoinGroup", RoomId);
        await beaHub.InvokeAsync<JsonElement>("JoinGroup", RoomId);

        beaHub.Abort();
        var offline = await ashHub.WaitForEventAsync("GroupMemberPresence", e => !e.Arguments[0].GetProperty("online").GetBoolean());
        await using var beaAgain = await HubClient.ConnectAsync(app.HubUrl, bea.Token);
        var online = await ashHub.WaitForEventAsync("GroupMemberPresence", e => e.Arguments[0].GetProperty("online").GetBoolean());

        Assert.Equal((bea.PersonId, RoomId), (offline.Arguments[0].GetProperty("personId").GetString(), offline.Arguments[0].GetProperty("groupId").GetString()));
        Assert.Equal(bea.PersonId, online.Arguments[0].GetProperty("personId").GetString());
        await beaHub.DisposeAsync();
    }

    [Fact]
    public async Task Room_history_is_for_members_and_posting_needs_joining_first()
    {
        await using var app = await StartWithRoomAsync();
        var outsider = await app.GuestAsync("Outsider");
        await using var hub = await HubClient.ConnectAsync(app.HubUrl, outsider.Token);

        var post = await Assert.ThrowsAsync<HubInvocationException>(() => hub.InvokeAsync("SendGroupMessage", RoomId, "hello?"));
        using var http = app.Client(outsider.Token);
        var history = await http.GetAsync($"/api/groups/{RoomId}/messages");
        var unknown = await Assert.ThrowsAsync<HubInvocationException>(() => hub.InvokeAsync("JoinGroup", "no-such-room"));

        Assert.Contains("not-a-member:", post.ServerMessage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, history.StatusCode);
        Assert.Contains("group-unknown:", unknown.ServerMessage, StringComparison.Ordinal);
        Assert.Equal(0, (await app.Grains.GetGrain<ISupportGroupGrain>(RoomId).GetInfo()).LastSeq);
    }

    [Fact]
    public async Task Only_an_admin_opens_a_room()
    {
        await using var app = new LivePeerLink(new Dictionary<string, string?> { ["PeerLink:Admin:Username"] = "root", ["PeerLink:Admin:Password"] = "admin password" });
        var admin = await app.LoginAsync("root", "admin password");
        var guest = await app.GuestAsync("River");
        var room = new { title = "Night owls", identities = new[] { "remote-worker" }, capacity = 20 };

        using var guestHttp = app.Client(guest.Token);
        using var adminHttp = app.Client(admin.Token);
        var refused = await guestHttp.PostAsJsonAsync("/api/groups", room);
        var created = await adminHttp.PostAsJsonAsync("/api/groups", room);
        var bad = await adminHttp.PostAsJsonAsync("/api/groups", new { title = "", capacity = 20 });

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("Night owls", Assert.Single((await adminHttp.GetFromJsonAsync<JsonElement>("/api/groups")).EnumerateArray()).GetProperty("title").GetString());
    }

    private static async Task<LivePeerLink> StartWithRoomAsync()
    {
        var app = new LivePeerLink();
        await app.Grains.GetGrain<ISupportGroupGrain>(RoomId).Create(new GroupSettings("Carers", null, ["carer"], 10));
        return app;
    }
}
