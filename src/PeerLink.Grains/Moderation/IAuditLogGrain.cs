using PeerLink.Grains.Logs;
using PeerLink.Grains.Messages;

namespace PeerLink.Grains.Moderation;

[GenerateSerializer, Immutable, Alias("peerlink.audit-page")]
public sealed record AuditPage([Id(0)] IReadOnlyList<LogEntry<AuditEntry>> Entries, [Id(1)] bool HasMore);

/// <summary>The append-only record of every moderation action (key: <see cref="AuditLogGrain.Key"/>). Nothing in it is ever changed.</summary>
[GrainInterfaceType("peerlink.audit-log")]
[Alias("peerlink.audit-log-grain")]
public interface IAuditLogGrain : IGrainWithStringKey
{
    Task<long> Append(AuditEntry entry);

    [AlwaysInterleave]
    Task<AuditPage> Read(long after, int limit);
}
