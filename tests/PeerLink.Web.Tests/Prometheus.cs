using System.Globalization;
using System.Text.RegularExpressions;

namespace PeerLink.Web.Tests;

/// <summary>Reads the Prometheus text format: each sample line is a name, optional {labels} and a value.</summary>
public static partial class Prometheus
{
    /// <summary>GET /metrics through <paramref name="http"/>, parsed.</summary>
    public static async Task<IReadOnlyList<Sample>> ScrapeAsync(HttpClient http) =>
        Parse(await http.GetStringAsync(new Uri("/metrics", UriKind.Relative)));

    /// <summary>The samples of a scrape, refusing any line that is neither a comment nor a well-formed sample.</summary>
    public static IReadOnlyList<Sample> Parse(string text)
    {
        var samples = new List<Sample>();
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.StartsWith('#'))
            {
                continue;
            }

            var match = SampleLine().Match(line);
            Assert.True(match.Success, $"Not a Prometheus sample line: {line}");
            var labels = LabelPair().Matches(match.Groups["labels"].Value).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
            samples.Add(new Sample(match.Groups["name"].Value, labels, double.Parse(match.Groups["value"].Value, CultureInfo.InvariantCulture)));
        }

        return samples;
    }

    /// <summary>The value of the one sample with this name and at least these labels; null when there is none.</summary>
    public static double? Value(this IReadOnlyList<Sample> samples, string name, params (string Key, string Value)[] labels) =>
        samples.Where(s => s.Name == name && labels.All(l => s.Labels.GetValueOrDefault(l.Key) == l.Value)).Select(s => (double?)s.Value).SingleOrDefault();

    [GeneratedRegex("""^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>.*)\})? (?<value>[-+0-9.eE]+|NaN|[+-]Inf)( [0-9]+)?$""")]
    private static partial Regex SampleLine();

    [GeneratedRegex("""([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)",?""")]
    private static partial Regex LabelPair();

    public sealed record Sample(string Name, IReadOnlyDictionary<string, string> Labels, double Value);
}
