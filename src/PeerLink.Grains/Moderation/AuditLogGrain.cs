using PeerLink.Grains.Logs;
using PeerLink.Grains.Messages;

namespace PeerLink.Grains.Moderation;

[GrainType("auditlog")]
public sealed class AuditLogGrain([PersistentLog("audit")] IPersistentLog<AuditEntry> log) : Grain, IAuditLogGrain
{
    public const string Key = "default";

    public Task<long> Append(AuditEntry entry) => log.AppendAsync(entry);

    public async Task<AuditPage> Read(long after, int limit)
    {
        MessageHistory.ValidatePage(after, limit);
        var entries = await log.ReadAsync(after, limit + 1);
        return new AuditPage([.. entries.Take(limit)], entries.Count > limit);
    }
}
