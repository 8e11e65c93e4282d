namespace PeerLink.Browser.Tests;

/// <summary>The repository's TestResults folder, where scripts/test.sh also writes its TRX files.</summary>
internal static class TestResults
{
    public static string Folder { get; } = Find();

    private static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "PeerLink.sln")))
            {
                return Path.Combine(folder.FullName, "TestResults");
            }
        }

        return Path.Combine(AppContext.BaseDirectory, "TestResults");
    }
}
