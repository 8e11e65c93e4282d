using PeerLink.Grains.Accounts;
using PeerLink.Grains.Conversations;
using PeerLink.Grains.Events;
using PeerLink.Grains.Groups;
using PeerLink.Grains.Messages;

namespace PeerLink.Grains.Tests;

/// <summary>A person's export of their own data, and deleting their account.</summary>
public sealed class PersonalDataTests
{
    [Fact]
    public async Task An_export_holds_the_persons_profile_history_and_own_words_but_never_the_partners()
    {
        await using var app = await PeerLinkSilo.StartAsync();
        var (conversationId, _) = await TalkInAConversationAndARoomAsync(app);
        await app.Conversation(conversationId).End("p");
        await app.Conversation(conversationId).GiveFeedback("s", new Feedback(5, TalkAgain: true));
        await app.Person("s").Block("b");

        var export = await app.Person("s").Export();

        Assert.Equal(("s", "Seeker s"), (export.Profile.PersonId, export.Profile.Pseudonym));
        Assert.Equal((5, true), (export.History.Single().Rating, export.History.Single().TalkAgain));
        Assert.Equal(["b"], export.Blocked);
        Assert.Equal(["parents"], export.Rooms);
        var conversation = export.Conversations.Single();
        Assert.Equal(conversationId, conversation.ConversationId);
        Assert.Equal([(1L, "my words"), (3L, "more of mine")], conversation.Messages.Select(m => (m.Seq, m.Text)));
        Assert.Equal(["mine in the room"], export.RoomMessages.Single().Messages.Select(m => m.Text));
        var everything = System.Text.Json.JsonSerializer.Serialize(export);
        Assert.DoesNotContain("the peer's words", everything);
        Assert.DoesNotContain("b in the room", everything);
    }

    [Fact]
    public async Task Deleting_an_account_takes_the_words_out_of_only_that_persons_messages_and_tells_the_others()
    {
        await using var app = await PeerLinkSilo.StartAsync();
        var (conversationId, room) = await TalkInAConversationAndARoomAsync(app);

        await app.Person("s").DeleteAccount();

        var seen = await app.Conversation(conversationId).GetMessages("p", 0, 10);
        Assert.Equal(
            [(1L, StoredMessage.RemovedText, "account-deleted"), (2L, "the peer's words", null), (3L, StoredMessage.RemovedText, "account-deleted")],
            seen.Messages.Select(m => (m.Seq, m.Text, m.Removed)));
        Assert.Equal([1L, 3L], app.Events.To<MessagesRemoved>("p").Single().Seqs);
        var roomPage = await room.GetMessages("b", 0, 10);
        Assert.Equal([StoredMessage.RemovedText, "b in the room"], roomPage.Messages.Select(m => m.Text));
        Assert.Contains(app.Events.To<MessagesRemoved>("b"), e => e.GroupId == "parents" && e.Seqs.SequenceEqual([1L]));
    }

    [Fact]
    public async Task Deleting_an_account_ends_its_conversation_leaves_its_rooms_frees_its_username_and_forgets_the_person()
    {
        await using var app = await PeerLinkSilo.StartAsync();
        var (conversationId, room) = await TalkInAConversationAndARoomAsync(app);
        await app.Person("s").SetUsername("river");
        await app.Silo.GetGrain<IAccountGrain>("river").Create(new AccountCredentials("s", "hash"));

        await app.Person("s").DeleteAccount();

        Assert.Equal(ConversationStatus.Ended, (await app.Conversation(conversationId).GetInfo()).Status);
        Assert.Contains(app.Events.To<ConversationEnded>("p"), e => e.ConversationId == conversationId);
        Assert.Equal(["b"], (await room.GetInfo()).Members.Select(m => m.PersonId));
        Assert.Null(await app.Silo.GetGrain<IAccountGrain>("river").GetCredentials());
        var gone = await Assert.ThrowsAsync<RuleViolationException>(() => app.Person("s").GetProfile());
        Assert.Equal("person-unknown", gone.Code);
    }

    [Fact]
    public async Task Deleting_an_account_reaches_messages_in_a_room_the_person_had_already_left()
    {
        await using var app = await PeerLinkSilo.StartAsync();
        var (_, room) = await TalkInAConversationAndARoomAsync(app);
        await room.Leave("s");

        await app.Person("s").DeleteAccount();

        Assert.Equal("account-deleted", (await room.GetMessages("b", 0, 10)).Messages[0].Removed);
    }

    /// <summary>Seeker s and peer p talk (s wrote 1 and 3); s and b are in room "parents" (s wrote 1).</summary>
    private static async Task<(string ConversationId, ISupportGroupGrain Room)> TalkInAConversationAndARoomAsync(PeerLinkSilo app)
    {
        var id = await app.StartConversationAsync();
        await app.Conversation(id).SendMessage("s", "my words");
        await app.Conversation(id).SendMessage("p", "the peer's words");
        await app.Conversation(id).SendMessage("s", "more of mine");
        var room = app.Group("parents");
        await room.Create(new GroupSettings("New parents", null, ["new-parent"], Capacity: 5));
        await app.AddSeekerAsync("b");
        await room.Join("s");
        await room.Join("b");
        await room.SendMessage("s", "mine in the room");
        await room.SendMessage("b", "b in the room");
        return (id, room);
    }
}
