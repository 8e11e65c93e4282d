using System.Security.Cryptography;

namespace PeerLink.Load.Hosting;

/// <summary>The configuration a load run gives the PeerLink it starts.</summary>
internal static class ServerSettings
{
    public const string AdminUsername = "loadadmin";

    /// <param name="redisConnectionString">Redis storage at this address; memory storage when null.</param>
    public static Dictionary<string, string?> For(string? redisConnectionString, string adminPassword) => new()
    {
        ["PeerLink:Storage:Provider"] = redisConnectionString is null ? "Memory" : "Redis",
        ["PeerLink:Storage:RedisConnectionString"] = redisConnectionString ?? "",

        // A load run's own throwaway Redis: the sealing keys need no certificate there.
        ["PeerLink:DataProtection:AllowUnencryptedKeys"] = "true",

        // The baseline, in the same process.
        ["PeerLink:Bench:EchoHub"] = "true",

        // Lets the run start each timed phase from a settled heap, PeerLink's and the echo hub's alike.
        ["PeerLink:Bench:SettleHeap"] = "true",

        // Thousands of people sign in and connect from one address; the per-person limits stay as they are.
        ["PeerLink:Limits:SignInsPerMinute"] = "1000000",
        ["PeerLink:Limits:ConnectionsPerAddress"] = "1000000",

        // One admin makes every peer's invite; the ceilings on writes and hub calls would slow the setup, not the run.
        ["PeerLink:Limits:WritesPerMinute"] = "1000000",
        ["PeerLink:Limits:HubCallsPerTenSeconds"] = "1000000",

        // Peers are made the way an admin makes them: invite, register, record training.
        ["PeerLink:Admin:Username"] = AdminUsername,
        ["PeerLink:Admin:Password"] = adminPassword,

        // The waiting crowd asks for identities no peer has; it must stay waiting for the whole bounded run
        // rather than widen to any peer after 90 s.
        ["PeerLink:Matching:RelatedIdentityAfter"] = "01:00:00",
        ["PeerLink:Matching:AnyPeerAfter"] = "02:00:00",
    };

    public static string NewAdminPassword() => RandomNumberGenerator.GetHexString(24, lowercase: true);
}
