namespace PeerLink.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class ModerationTests(BrowserFixture browser)
{
    private const string Room = "Open room";

    [Fact]
    public Task A_moderator_deletes_mutes_pins_locks_and_removes_in_a_room_while_members_see_each_change_live() => Journey.RunAsync(browser, async journey =>
    {
        var (moderator, ash, bea) = await ModeratorAndTwoMembersAsync(journey);
        await ash.Room.SendAsync("Buy followers cheap, message me");
        await bea.Room.SendAsync("Welcome, everyone");
        await bea.Room.ExpectReceivedAsync("Buy followers cheap, message me");
        await Expect(moderator.RoomRow(Room).Locator("td").First).ToHaveTextAsync("2");
        await journey.CheckAsync(moderator.Page, "console-dashboard");

        var room = await moderator.WatchAsync(Room, quietly: true);
        await room.ExpectReceivedAsync("Buy followers cheap, message me");
        await moderator.ActAsync(room, "Delete the message from Ash", "Advertising is not allowed here", "Deleted the message from Ash.");

        foreach (var member in new[] { ash, bea })
        {
            await Expect(member.Room.Pane.Locator(".message[data-removed='true'] .text")).ToHaveTextAsync("message removed");
        }

        await Expect(ash.Page.Locator("#notices")).ToContainTextAsync("A moderator removed one of your messages. Reason: Advertising is not allowed here");
        await moderator.ActAsync(room, "Mute Ash", "Please take a short pause", "Ash is muted for 5 minutes.");
        await Expect(ash.Page.Locator("#notices")).ToContainTextAsync("A moderator muted you in a group room until");
        await Expect(ash.Room.Pane.Locator("textarea")).ToBeDisabledAsync();
        await Expect(ash.Room.Pane.Locator(".paused")).ToContainTextAsync("Please take a short pause");
        await journey.CheckAsync(ash.Page, "member-muted");
        await room.Pane.GetByRole(AriaRole.Button, new() { Name = "Pin the message from Bea" }).ClickAsync();

        foreach (var member in new[] { ash, bea })
        {
            await Expect(member.Room.Pane.Locator(".pinned")).ToContainTextAsync("Welcome, everyone");
        }

        await moderator.ActAsync(room, "Lock room", "Taking a break tonight", $"{Room} is locked.");
        await Expect(bea.Room.Pane.Locator(".room-state")).ToHaveTextAsync("A moderator locked this room: Taking a break tonight. Only moderators can post for now.");
        await Expect(bea.Room.Pane.Locator("textarea")).ToBeDisabledAsync();
        await journey.CheckAsync(bea.Page, "member-room-locked");
        await journey.CheckAsync(moderator.Page, "console-watching-quietly");
        await moderator.ActAsync(room, "Remove Ash", "Advertising again after a warning", $"Ash is removed from {Room} for 24 hours.");

        await Expect(ash.Page.Locator("#step-rooms")).ToBeVisibleAsync();
        await Expect(ash.Page.Locator("#notices")).ToContainTextAsync("A moderator removed you from a group room.");
        await Expect(bea.Members).ToHaveCountAsync(1);
        await Expect(room.Pane.Locator(".members li")).ToHaveCountAsync(1);
    });

    [Fact]
    public Task A_crisis_alert_and_a_peers_call_reach_the_console_and_both_sides_see_the_moderator_join_and_speak() => Journey.RunAsync(browser, async journey =>
    {
        var moderator = new ModeratorConsole(await journey.OpenAsync("moderator", "/moderator.html"));
        await moderator.SignInAsync();
        var (seeker, peer) = await Matches.VeteranWithAlexAsync(journey, "River");
        var peerChat = peer.ChatWith("River");

        await seeker.Chat.SendAsync("I want to end my life tonight");
        await Expect(moderator.Alerts).ToHaveCountAsync(1);
        await Expect(moderator.Alerts.First).ToContainTextAsync("River, in a one-to-one conversation");
        await Expect(moderator.Alerts.First.Locator(".excerpt")).ToHaveTextAsync("I want to end my life tonight");
        await peerChat.Pane.GetByRole(AriaRole.Button, new() { Name = "Call a moderator" }).ClickAsync();
        await Expect(peerChat.Pane.Locator("[role=status]").First).ToContainTextAsync("A moderator has been called.");
        await Expect(moderator.Calls).ToHaveCountAsync(1);
        await Expect(moderator.Calls.First).ToContainTextAsync("Alex called a moderator");
        await journey.CheckAsync(moderator.Page, "console-call");
        await moderator.Calls.First.GetByRole(AriaRole.Button, new() { Name = "Join conversation" }).ClickAsync();
        await Expect(moderator.Conversation.Pane.Locator("h2")).ToHaveTextAsync("Conversation between River and Alex");

        foreach (var chat in new[] { seeker.Chat, peerChat })
        {
            await Expect(chat.Pane).ToContainTextAsync($"A moderator, {ModeratorConsole.Pseudonym}, joined the conversation.");
        }

        await moderator.Conversation.SendAsync("Hello both, I'm here to help.");
        await seeker.Chat.ExpectReceivedAsync("Hello both, I'm here to help.");
        await peerChat.ExpectReceivedAsync("Hello both, I'm here to help.");
        await Expect(seeker.Chat.Pane.Locator(".message", new() { HasText = "Hello both" }).Locator(".author")).ToHaveTextAsync($"{ModeratorConsole.Pseudonym} (moderator)");
        await seeker.Chat.SendAsync("Thank you");
        await moderator.Conversation.ExpectReceivedAsync("Thank you");
        await journey.CheckAsync(seeker.Page, "seeker-moderator-joined");
        await journey.CheckAsync(moderator.Page, "console-in-conversation");
        await moderator.Calls.First.GetByRole(AriaRole.Button, new() { Name = "Resolve the call from Alex" }).ClickAsync();
        await moderator.Alerts.First.GetByRole(AriaRole.Button, new() { Name = "Resolve the alert about River" }).ClickAsync();
        await Expect(moderator.Calls).ToHaveCountAsync(0);
        await Expect(moderator.Alerts).ToHaveCountAsync(0);
    });

    [Fact]
    public Task A_reported_message_reaches_the_console_and_the_reporter_learns_the_outcome() => Journey.RunAsync(browser, async journey =>
    {
        var (moderator, ash, bea) = await ModeratorAndTwoMembersAsync(journey);
        await ash.Room.SendAsync("You are all pathetic");
        await bea.Room.ExpectReceivedAsync("You are all pathetic");

        await bea.Room.Pane.GetByRole(AriaRole.Button, new() { Name = "Report this message from Ash" }).ClickAsync();
        var dialog = bea.Page.GetByRole(AriaRole.Dialog, new() { Name = "Report a message from Ash" });

        // Nothing is chosen for the reporter; sending without a choice asks for one and sends nothing.
        await Expect(dialog.GetByLabel("What's wrong?")).ToHaveValueAsync("");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Send report" }).ClickAsync();
        await Expect(dialog.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Choose what's wrong, so the right moderator looks at it.");
        await dialog.GetByLabel("What's wrong?").SelectOptionAsync("harassment");
        await dialog.GetByLabel("Anything a moderator should know?").FillAsync("Said to the whole room");
        await journey.CheckAsync(bea.Page, "member-reporting");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Send report" }).ClickAsync();
        await Expect(dialog).ToBeHiddenAsync();
        await Expect(bea.Page.Locator("#notices")).ToContainTextAsync("Your report about a message from Ash went to the moderators");

        await Expect(moderator.Reports).ToHaveCountAsync(1);
        var report = moderator.Reports.First;
        await Expect(report).ToContainTextAsync($"Harassment or bullying: A message (number 1) in {Room}");
        await Expect(report).ToContainTextAsync("Said to the whole room");
        await Expect(report).ToContainTextAsync("Reported: Ash");
        await Expect(report).ToContainTextAsync("The message: You are all pathetic");
        await journey.CheckAsync(moderator.Page, "console-report");
        await report.GetByLabel("Outcome (the reporter is told)").FillAsync("We warned the writer. Thank you for telling us.");
        await report.GetByRole(AriaRole.Button, new() { Name = "Close report" }).ClickAsync();
        await Expect(moderator.Reports).ToHaveCountAsync(0);

        await Expect(bea.Page.Locator("#notices")).ToContainTextAsync("A moderator closed your report. Outcome: We warned the writer. Thank you for telling us.");
        await bea.Page.GetByRole(AriaRole.Button, new() { Name = "Block Ash" }).ClickAsync();
        await bea.Page.GetByRole(AriaRole.Button, new() { Name = "Yes, block Ash" }).ClickAsync();
        await Expect(bea.Page.Locator(".members")).ToContainTextAsync("You blocked Ash.");
        await journey.CheckAsync(bea.Page, "member-after-report-and-block");
    });

    /// <summary>Moderator Mo on duty in the console, and Ash and Bea in the open room.</summary>
    private static async Task<(ModeratorConsole Moderator, GroupPage Ash, GroupPage Bea)> ModeratorAndTwoMembersAsync(Journey journey)
    {
        var moderator = new ModeratorConsole(await journey.OpenAsync("moderator", "/moderator.html"));
        await journey.CheckAsync(moderator.Page, "console-sign-in");
        await moderator.SignInAsync();
        var ash = new GroupPage(await journey.OpenAsync("ash", "/groups.html"));
        var bea = new GroupPage(await journey.OpenAsync("bea", "/groups.html"));
        await ash.SignUpAndJoinAsync("Ash", Room);
        await bea.SignUpAndJoinAsync("Bea", Room);
        return (moderator, ash, bea);
    }
}
