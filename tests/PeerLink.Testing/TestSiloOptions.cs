using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace PeerLink.Testing;

/// <summary>How a <see cref="TestSilo"/> is built. Kept across restarts, so the clock and the settings survive them.</summary>
public sealed class TestSiloOptions
{
    /// <summary>Null means the embedded default: grain state, reminders and logs in the silo's memory.</summary>
    public string? RedisConnectionString { get; set; }

    /// <summary>Prefixes every Redis key. Two test silos with the same one share stored state, as two nodes would.</summary>
    public string ServiceId { get; set; } = $"test-{Guid.NewGuid():N}";

    /// <summary>The grains' clock: their <see cref="TimeProvider"/>, grain timers and reminders all follow it.</summary>
    public FakeTimeProvider Clock { get; set; } = new(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));

    /// <summary>More configuration, as a host's appsettings would give it ("PeerLink:Retention:Transcripts").</summary>
    public Dictionary<string, string?> Settings { get; } = [];

    /// <summary>More services for each silo, such as a recorder of grain events.</summary>
    public Action<IServiceCollection>? ConfigureServices { get; set; }

    /// <summary>More for each silo after PeerLink's own, such as test grains.</summary>
    public Action<ISiloBuilder>? ConfigureSilo { get; set; }
}
