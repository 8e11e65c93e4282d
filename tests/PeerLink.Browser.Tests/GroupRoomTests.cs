namespace PeerLink.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class GroupRoomTests(BrowserFixture browser)
{
    private const string Room = "Open room";

    [Fact]
    public Task Three_members_see_each_other_talk_live_and_see_one_leave() => Journey.RunAsync(browser, async journey =>
    {
        var ash = new GroupPage(await journey.OpenAsync("ash", "/groups.html"));
        await journey.CheckAsync(ash.Page, "pseudonym");
        await ash.SignUpAsync("Ash");
        await journey.CheckAsync(ash.Page, "rooms");
        await ash.JoinAsync(Room);
        await ash.Room.SendAsync("Anyone around tonight?");
        await ash.Room.ExpectConfirmedAsync("Anyone around tonight?");
        var bea = new GroupPage(await journey.OpenAsync("bea", "/groups.html"));
        var cy = new GroupPage(await journey.OpenAsync("cy", "/groups.html"));

        await bea.SignUpAndJoinAsync("Bea", Room);
        await cy.SignUpAndJoinAsync("Cy", Room);
        await bea.Room.ExpectReceivedAsync("Anyone around tonight?");
        await cy.Room.ExpectReceivedAsync("Anyone around tonight?");
        await bea.Room.SendAsync("Hi Ash, I'm here.");
        await cy.Room.SendAsync("Me too.");

        foreach (var member in new[] { ash, bea, cy })
        {
            await Expect(member.Members).ToHaveCountAsync(3);
            await member.ExpectMemberAsync("Ash", "online");
        }

        await ash.Room.ExpectReceivedAsync("Hi Ash, I'm here.");
        await ash.Room.ExpectReceivedAsync("Me too.");
        await journey.CheckAsync(ash.Page, "room-with-three");
        await cy.Page.GetByRole(AriaRole.Button, new() { Name = "Leave room" }).ClickAsync();
        await Expect(cy.Page.Locator("#step-rooms")).ToBeVisibleAsync();
        await Expect(ash.Members).ToHaveCountAsync(2);
        await Expect(ash.Room.Pane).ToContainTextAsync("Cy left.");
        Assert.Equal(["Anyone around tonight?", "Hi Ash, I'm here.", "Me too."], await bea.Room.TextsAsync());
    });
}
