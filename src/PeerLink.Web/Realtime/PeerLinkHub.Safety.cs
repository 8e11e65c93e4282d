using PeerLink.Grains.Conversations;
using PeerLink.Grains.Moderation;
using PeerLink.Grains.People;
using PeerLink.Web.Errors;

namespace PeerLink.Web.Realtime;

/// <summary>What anyone can do to stay safe: report, block, and call a moderator into a conversation.</summary>
public sealed partial class PeerLinkHub
{
    public async Task<ReportCreated> ReportMessage(ReportMessageArgs args)
    {
        var target = args switch
        {
            { ConversationId: { } id, GroupId: null } => new ReportTarget(null, Keys.Conversation(id), null, args.Seq),
            { GroupId: { } id, ConversationId: null } => new ReportTarget(null, null, Keys.Group(id), args.Seq),
            _ => throw new Grains.RuleViolationException("report-target-required", "Name the conversation or the room the message is in, not both."),
        };
        return new ReportCreated((await Desk.FileReport(PersonId, target, args.Category, args.Note)).ReportId);
    }

    public async Task<ReportCreated> ReportPerson(ReportPersonArgs args)
    {
        var target = new ReportTarget(
            Keys.Person(args.PersonId),
            args.ConversationId is null ? null : Keys.Conversation(args.ConversationId),
            args.GroupId is null ? null : Keys.Group(args.GroupId),
            null);
        return new ReportCreated((await Desk.FileReport(PersonId, target, args.Category, args.Note)).ReportId);
    }

    public Task BlockPerson(string personId) => grains.GetGrain<IPersonGrain>(PersonId).Block(Keys.Person(personId));

    public async Task<CallCreated> CallModerator(string conversationId, string? reason) =>
        new(await grains.GetGrain<IConversationGrain>(Keys.Conversation(conversationId)).CallModerator(PersonId, reason));

    private IModerationGrain Desk => grains.GetGrain<IModerationGrain>(ModerationGrain.Key);
}
