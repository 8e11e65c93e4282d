namespace PeerLink.Silo.Hosting;

/// <summary>Runtime settings, bound from configuration section "PeerLink:Silo".</summary>
public sealed class SiloOptions
{
    public const string SectionName = "PeerLink:Silo";

    /// <summary>Prefixes every storage key, so several deployments can share one Redis.</summary>
    public string ServiceId { get; set; } = "peerlink";

    /// <summary>An activation with no calls for this long is deactivated.</summary>
    public TimeSpan CollectionAge { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How often idle activations are looked for.</summary>
    public TimeSpan CollectionQuantum { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long a caller waits for a grain call before a <see cref="TimeoutException"/>.</summary>
    public TimeSpan ResponseTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the reminder service re-reads the reminder table to catch entries written elsewhere.</summary>
    public TimeSpan ReminderRefreshPeriod { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>Which storage backs grain state and reminders, bound from "PeerLink:Storage".</summary>
public sealed class StorageOptions
{
    public const string SectionName = "PeerLink:Storage";

    /// <summary>"Memory" (the embedded default) or "Redis".</summary>
    public string Provider { get; set; } = "Memory";

    /// <summary>A StackExchange.Redis configuration string, used when <see cref="Provider"/> is "Redis".</summary>
    public string RedisConnectionString { get; set; } = "127.0.0.1:6379";
}
