using System.Text.Json;
using System.Text.RegularExpressions;
using PeerLink.Testing.SignalR;
using YamlDotNet.RepresentationModel;

namespace PeerLink.Web.Tests;

/// <summary>The sample Prometheus files in deploy/prometheus: they parse, scrape /metrics, and alert only on series PeerLink exports.</summary>
[Collection(MetricsCollection.Name)]
public sealed partial class OperationsConfigTests
{
    private static readonly string Folder = Path.Combine(BuildOutput.RepositoryRoot, "deploy", "prometheus");

    [Fact]
    public void The_sample_scrape_config_scrapes_metrics_and_loads_the_alert_rules_beside_it()
    {
        var root = Load("prometheus.yml");

        var scrape = Assert.Single(Sequence(root, "scrape_configs"));
        Assert.Equal("/metrics", Scalar(scrape, "metrics_path"));
        Assert.NotEmpty(Sequence(Assert.Single(Sequence(scrape, "static_configs")), "targets"));
        foreach (var rules in Sequence(root, "rule_files"))
        {
            Assert.True(File.Exists(Path.Combine(Folder, ((YamlScalarNode)rules).Value!)), $"{rules} is not in deploy/prometheus");
        }
    }

    [Fact]
    public async Task Every_alert_rule_is_complete_and_names_only_series_PeerLink_exports()
    {
        var rules = Sequence(Assert.Single(Sequence(Load("peerlink-alerts.yml"), "groups")), "rules");
        await using var app = new LivePeerLink(new Dictionary<string, string?> { ["PeerLink:Demo:Seed"] = "true", ["PeerLink:Demo:Password"] = "demo password" });
        await using var moderator = await HubClient.ConnectAsync(app.HubUrl, (await app.LoginAsync("moderator", "demo password")).Token);
        await moderator.InvokeAsync("SetOnDuty", true);
        await using var talk = await LiveConversation.StartAsync(app);
        await talk.SeekerHub.InvokeAsync<JsonElement>("SendMessage", talk.ConversationId, "I want to kill myself");
        await moderator.WaitForEventAsync("CrisisAlert");
        using var anonymous = app.Anonymous();
        await Eventually.TrueAsync(async () => (await Prometheus.ScrapeAsync(anonymous)).Any(s => s.Name == "peerlink_matching_peers_available"), "the pool reported its figures");
        var exported = (await Prometheus.ScrapeAsync(anonymous)).Select(s => s.Name).ToHashSet();

        Assert.NotEmpty(rules);
        foreach (var rule in rules)
        {
            var name = Scalar(rule, "alert");
            Assert.False(string.IsNullOrWhiteSpace(Scalar(rule, "for")), $"{name} has no 'for'");
            Assert.Contains(Scalar(Child(rule, "labels"), "severity"), new[] { "page", "warn" });
            Assert.False(string.IsNullOrWhiteSpace(Scalar(Child(rule, "annotations"), "summary")), $"{name} has no summary");
            foreach (var series in PeerLinkSeries().Matches(Scalar(rule, "expr")).Select(m => m.Value))
            {
                Assert.True(exported.Contains(series), $"{name} uses {series}, which /metrics does not export");
            }
        }
    }

    private static YamlMappingNode Load(string file)
    {
        var yaml = new YamlStream();
        using var reader = new StreamReader(Path.Combine(Folder, file));
        yaml.Load(reader);
        return (YamlMappingNode)yaml.Documents.Single().RootNode;
    }

    private static YamlNode Child(YamlNode node, string key) =>
        ((YamlMappingNode)node).Children.TryGetValue(new YamlScalarNode(key), out var child) ? child : throw new Xunit.Sdk.XunitException($"no '{key}' in {node}");

    private static string Scalar(YamlNode node, string key) => ((YamlScalarNode)Child(node, key)).Value ?? "";

    private static IReadOnlyList<YamlNode> Sequence(YamlNode node, string key) => [.. ((YamlSequenceNode)Child(node, key)).Children];

    [GeneratedRegex("peerlink_[a-z_]+")]
    private static partial Regex PeerLinkSeries();
}
