using PeerLink.Grains.Safety;

namespace PeerLink.Grains.Tests.Safety;

/// <summary>One line of a labelled sentence file: "label TAB language TAB sentence"; lines starting with # are notes.</summary>
internal sealed record LabelledSentence(RiskLevel Label, string Language, string Text)
{
    public static IReadOnlyList<LabelledSentence> Load(string fileName) =>
        [.. File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Safety", fileName))
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(Parse)];

    private static LabelledSentence Parse(string line)
    {
        var columns = line.Split('\t');
        return columns.Length == 3 && Enum.TryParse<RiskLevel>(columns[0], ignoreCase: true, out var label)
            ? new LabelledSentence(label, columns[1], columns[2])
            : throw new FormatException($"A labelled sentence is \"label<TAB>language<TAB>sentence\", not \"{line}\".");
    }
}
