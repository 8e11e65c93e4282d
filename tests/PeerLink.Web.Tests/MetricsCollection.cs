namespace PeerLink.Web.Tests;

/// <summary>
/// Tests that read /metrics run alone: OpenTelemetry listens to meters by name, so an app's scrape would also count
/// what other apps in this test process (each with its own "PeerLink" and Orleans meters) do at the same moment.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MetricsCollection
{
    public const string Name = "Metrics";
}
