using PeerLink.Grains.Events;
using PeerLink.Grains.Groups;
using PeerLink.Grains.Moderation;

namespace PeerLink.Grains.Tests;

/// <summary>Contact details typed into a chat, or into any free text others read, never reach storage or other people.</summary>
public sealed class MessageMaskingTests
{
    private const string WithContacts = "call me on +44 20 7946 0958 or write to jo@example.com";
    private const string Masked = "call me on [phone removed] or write to [email removed]";

    [Fact]
    public async Task A_conversation_stores_and_delivers_a_message_with_its_phone_number_and_email_masked()
    {
        await using var app = await PeerLinkSilo.StartAsync();
        var id = await app.StartConversationAsync();

        await app.Conversation(id).SendMessage("s", WithContacts);

        var stored = (await app.Conversation(id).GetMessages("p", 0, 10)).Messages.Single();
        Assert.Equal(Masked, stored.Text);
        Assert.Equal([Masked, Masked], new[] { "s", "p" }.Select(person => app.Events.To<MessageReceived>(person).Single().Text));
    }

    [Fact]
    public async Task A_room_stores_and_delivers_a_message_with_its_phone_number_and_email_masked()
    {
        await using var app = await PeerLinkSilo.StartAsync();
        var room = app.Group("parents");
        await room.Create(new GroupSettings("New parents", null, ["new-parent"], Capacity: 5));
        foreach (var member in new[] { "a", "b" })
        {
            await app.AddSeekerAsync(member);
            await room.Join(member);
        }

        await room.SendMessage("a", WithContacts);

        Assert.Equal(Masked, (await room.GetMessages("b", 0, 10)).Messages.Single().Text);
        Assert.Equal(Masked, app.Events.To<GroupMessageReceived>("b").Single().Text);
    }

    [Fact]
    public async Task A_moderator_call_reason_and_a_report_note_reach_the_desk_with_contact_details_masked()
    {
        await using var app = await PeerLinkSilo.StartAsync();
        var id = await app.StartConversationAsync();
        await SafetyInConversationTests.OnDutyModeratorAsync(app, "mod");
        var desk = app.Silo.GetGrain<IModerationGrain>(ModerationGrain.Key);

        await app.Conversation(id).CallModerator("s", WithContacts);
        var report = await desk.FileReport("s", new ReportTarget("p", id, null, null), ReportCategory.Harassment, WithContacts);

        Assert.Equal(Masked, (await app.Events.WaitFor<ModeratorCalled>("mod")).Call.Reason);
        Assert.Equal(Masked, report.Note);
        Assert.Equal(Masked, (await app.Events.WaitFor<ReportFiled>("mod")).Report.Note);
    }

    [Fact]
    public async Task A_room_title_and_description_are_kept_with_contact_details_masked()
    {
        await using var app = await PeerLinkSilo.StartAsync();
        var room = app.Group("parents");

        var info = await room.Create(new GroupSettings("Parents, text 07700 900123", WithContacts, ["new-parent"], Capacity: 5));

        Assert.Equal(("Parents, text [phone removed]", Masked), (info.Title, info.Description));
    }
}
