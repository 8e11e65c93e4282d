namespace PeerLink.Testing;

/// <summary>Where this repository is, and where a project of it put its build, in the same configuration as the running tests.</summary>
public static class BuildOutput
{
    /// <summary>The folder holding PeerLink.sln, above the running tests' own folder.</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>
    /// The path of <paramref name="project"/>'s own program, such as src/PeerLink.Silo/bin/Release/net10.0/PeerLink.Silo.dll.
    /// Run from there rather than from a test's folder: a program runs with its own dependency list.
    /// </summary>
    public static string Program(string project)
    {
        // Tests run from tests/<Project>/bin/<Configuration>/<TargetFramework>/.
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = testOutput.Name;
        var configuration = testOutput.Parent!.Name;
        var path = Path.Combine(RepositoryRoot, "src", project, "bin", configuration, framework, $"{project}.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException($"{project} is not built at {path}; build the solution first.", path);
    }

    private static string FindRepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "PeerLink.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No PeerLink.sln above {AppContext.BaseDirectory}.");
    }
}
