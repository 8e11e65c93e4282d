using PeerLink.Grains.Conversations;
using PeerLink.Grains.Groups;
using PeerLink.Grains.Moderation;
using PeerLink.Grains.People;
using PeerLink.Web.Errors;

namespace PeerLink.Web.Realtime;

/// <summary>What anyone can do to stay safe: report, block, and call a moderator into a conversation.</summary>
public sealed partial class PeerLinkHub
{
    /// <summary>
    /// Reports a message the reporter can see: it is read as the reporter, so nobody reports what they
    /// were never shown, and moderators get who wrote it and its words with the report.
    /// </summary>
    public async Task<ReportCreated> ReportMessage(ReportMessageArgs args)
    {
        var (conversationId, groupId, page) = args switch
        {
            { ConversationId: { } id, GroupId: null } => (Keys.Conversation(id), (string?)null,
                await grains.GetGrain<IConversationGrain>(Keys.Conversation(id)).GetMessages(PersonId, Math.Max(0, args.Seq - 1), 1)),
            { GroupId: { } id, ConversationId: null } => (null, Keys.Group(id),
                await grains.GetGrain<ISupportGroupGrain>(Keys.Group(id)).GetMessages(PersonId, Math.Max(0, args.Seq - 1), 1)),
            _ => throw new Grains.RuleViolationException("report-target-required", "Name the conversation or the room the message is in, not both."),
        };
        var message = page.Messages.SingleOrDefault(m => m.Seq == args.Seq)
            ?? throw new Grains.RuleViolationException("message-unknown", "There is no message with that number there.");
        var target = new ReportTarget(message.SenderId, conversationId, groupId, message.Seq, message.Pseudonym, message.Text);
        return new ReportCreated((await Desk.FileReport(PersonId, target, args.Category, args.Note)).ReportId);
    }

    public async Task<ReportCreated> ReportPerson(ReportPersonArgs args)
    {
        var reported = await grains.GetGrain<IPersonGrain>(Keys.Person(args.PersonId)).GetProfile();
        var target = new ReportTarget(
            reported.PersonId,
            args.ConversationId is null ? null : Keys.Conversation(args.ConversationId),
            args.GroupId is null ? null : Keys.Group(args.GroupId),
            null,
            reported.Pseudonym);
        return new ReportCreated((await Desk.FileReport(PersonId, target, args.Category, args.Note)).ReportId);
    }

    public Task BlockPerson(string personId) => grains.GetGrain<IPersonGrain>(PersonId).Block(Keys.Person(personId));

    public async Task<CallCreated> CallModerator(string conversationId, string? reason) =>
        new(await grains.GetGrain<IConversationGrain>(Keys.Conversation(conversationId)).CallModerator(PersonId, reason));

    private IModerationGrain Desk => grains.GetGrain<IModerationGrain>(ModerationGrain.Key);
}
