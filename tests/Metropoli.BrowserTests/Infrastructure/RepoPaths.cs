using System.Reflection;

namespace Metropoli.BrowserTests.Infrastructure;

/// <summary>Where the repository, the web project and the built app are.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string WebProject => Path.Combine(Root, "src", "Metropoli.Host");

    public static string AxeScript => Path.Combine(Root, "node_modules", "axe-core", "axe.min.js");

    /// <summary>The test output holds a runnable copy of the app (the ProjectReference copies
    /// Metropoli.Host.dll with its deps.json and runtimeconfig.json), built by the same build as these
    /// tests whatever the configuration or artifacts folder; the content root is set to the web project
    /// so wwwroot (with wwwroot/lib filled by the web build) and the appsettings files are the real ones.</summary>
    public static string WebDll()
    {
        var candidates = new[]
        {
            Path.Combine(AppContext.BaseDirectory, "Metropoli.Host.dll"),
            // Artifacts layout: <artifacts>/bin/Metropoli.BrowserTests/<pivot>/ beside <artifacts>/bin/Metropoli.Web/<pivot>/
            Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "Metropoli.Host",
                new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Name, "Metropoli.Host.dll")),
        };
        foreach (var dll in candidates)
        {
            if (File.Exists(dll) && File.Exists(Path.ChangeExtension(dll, ".runtimeconfig.json")))
            {
                return dll;
            }
        }
        throw new FileNotFoundException("Metropoli.Host.dll (with its runtimeconfig.json) not found; looked in: " + string.Join(", ", candidates));
    }

    private static string FindRoot()
    {
        var fromEnv = Environment.GetEnvironmentVariable("METROPOLI_REPO_ROOT");
        if (!string.IsNullOrEmpty(fromEnv) && File.Exists(Path.Combine(fromEnv, "Metropoli.slnx")))
        {
            return fromEnv;
        }
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Metropoli.slnx")))
            {
                return dir.FullName;
            }
        }
        // Built with --artifacts-path outside the repository: the build recorded where the sources are.
        var recorded = typeof(RepoPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "RepoRoot")?.Value;
        if (!string.IsNullOrEmpty(recorded) && File.Exists(Path.Combine(recorded, "Metropoli.slnx")))
        {
            return recorded;
        }
        throw new DirectoryNotFoundException(
            $"No folder with Metropoli.slnx above {AppContext.BaseDirectory} (recorded: {recorded}); set METROPOLI_REPO_ROOT.");
    }
}
