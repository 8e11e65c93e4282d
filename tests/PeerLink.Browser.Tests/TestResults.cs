namespace PeerLink.Browser.Tests;

/// <summary>The repository's TestResults folder, where scripts/test.sh also writes its TRX files.</summary>
internal static class TestResults
{
    public static string Folder { get; } = Path.Combine(BuildOutput.RepositoryRoot, "TestResults");
}
