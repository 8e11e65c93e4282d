using PeerLink.Grains.Messages;
using PeerLink.Silo;

namespace PeerLink.Grains.Moderation;

public sealed record AuditPage(IReadOnlyList<LogEntry<AuditEntry>> Entries, bool HasMore);

/// <summary>The append-only record of every moderation action (key: <see cref="AuditLogGrain.Key"/>). Nothing in it is ever changed.</summary>
public interface IAuditLogGrain : IGrainWithStringKey
{
    Task<long> Append(AuditEntry entry);

    [AlwaysInterleave]
    Task<AuditPage> Read(long after, int limit);
}
