using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Metropoli.Tests.Unit;

/// <summary>Every Italian text the views and pages pass to the localizer has an English entry.</summary>
public sealed partial class LocalizationTests
{
    [GeneratedRegex("""\b[Ll]\[\s*"((?:[^"\\]|\\.)*)"\s*\]""")]
    private static partial Regex LocalizerKey();

    [Fact]
    public void Every_localized_text_has_an_english_translation()
    {
        var web = Path.Combine(RepoRoot(), "src");
        var resx = XDocument.Load(ResxPath());
        var english = resx.Root!.Elements("data").ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value"));
        var missing = Directory.EnumerateFiles(web, "*.*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".cshtml", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => LocalizerKey().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetFileName(f), Key: Regex.Unescape(m.Groups[1].Value))))
            .Where(k => !english.TryGetValue(k.Key, out var v) || string.IsNullOrWhiteSpace(v))
            .Select(k => $"{k.File}: \"{k.Key}\"")
            .Distinct()
            .ToList();
        Assert.True(missing.Count == 0, "Missing English translations:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void No_two_resource_names_differ_only_by_case()
    {
        // The resource compiler treats names case-insensitively and silently drops the second one.
        var web = Path.Combine(RepoRoot(), "src");
        var resx = XDocument.Load(ResxPath());
        var clashes = resx.Root!.Elements("data").Select(d => (string)d.Attribute("name")!)
            .GroupBy(n => n, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1)
            .Select(g => string.Join(" / ", g)).ToList();
        Assert.True(clashes.Count == 0, "Resource names that differ only by case:\n" + string.Join("\n", clashes));
    }

    [Fact]
    public void Role_labels_and_audit_actions_are_translated()
    {
        var web = Path.Combine(RepoRoot(), "src");
        var resx = XDocument.Load(ResxPath());
        var names = resx.Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet();
        var labels = Metropoli.Platform.Auth.Roles.All.Select(Metropoli.Platform.Auth.Roles.Label)
            .Concat(new[] { "create", "update", "delete", "read" }.Select(Metropoli.Platform.Ui.Labels.AuditAction))
            .Concat(new[] { "official", "secondary", "derived", "capoluogo" }.Select(Metropoli.Platform.Ui.Labels.ZoneSource));
        Assert.All(labels, l => Assert.Contains(l, names));
    }

    private static string ResxPath() =>
        Path.Combine(RepoRoot(), "src", "Platform", "Metropoli.Platform", "Localization", "SharedResource.en.resx");

    [Fact]
    public void The_labels_modules_contribute_to_the_navigation_and_the_home_page_are_translated()
    {
        var names = XDocument.Load(ResxPath()).Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet();
        var labels = ModuleCatalog.All.SelectMany(m => m.Navigation.Select(n => n.Label)
                .Concat(m.HomeLinks.SelectMany(h => new[] { h.Label, h.Description }.OfType<string>()))
                .Concat(m.Glossary.SelectMany(g => new[] { g.Group, g.Term, g.Definition })))
            .Concat(Metropoli.Platform.Navigation.SiteNavigation.PlatformEntries.Select(e => e.Label))
            .Distinct().ToList();
        Assert.NotEmpty(labels);
        var missing = labels.Where(l => !names.Contains(l)).ToList();
        Assert.True(missing.Count == 0, "Missing English translations:\n" + string.Join("\n", missing));
    }

    [GeneratedRegex("""new (?:DeskItem\([^,]+,\s*|SearchResult\()"((?:[^"\\]|\\.)*)"|new HomeFigure\([^,]+,\s*"((?:[^"\\]|\\.)*)"|new\([^,()]+,\s*"((?:[^"\\]|\\.)*)",\s*\d+""")]
    private static partial Regex ContributedText();

    /// <summary>The desk items' titles, the search results' kinds and the home figures' labels the modules write
    /// (the desk, the search page and the home page localise them).</summary>
    [Fact]
    public void The_desk_titles_and_search_kinds_modules_write_are_translated()
    {
        var names = XDocument.Load(ResxPath()).Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet();
        var files = Directory.EnumerateFiles(Path.Combine(RepoRoot(), "src", "Modules"), "*.cs", SearchOption.AllDirectories)
            .Where(f => f.Contains($"{Path.DirectorySeparatorChar}Desk{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
        var texts = files.SelectMany(f => ContributedText().Matches(File.ReadAllText(f)))
            .Select(m => m.Groups.Values.Skip(1).First(g => g.Success).Value).Distinct().ToList();
        Assert.Contains("Valori da validare", texts);
        Assert.Contains("Comune", texts);
        var missing = texts.Where(t => !names.Contains(t)).ToList();
        Assert.True(missing.Count == 0, "Missing English translations:\n" + string.Join("\n", missing));
    }

    // The source file's own path works wherever the build output goes (e.g. --artifacts-path).
    private static string RepoRoot([System.Runtime.CompilerServices.CallerFilePath] string source = "")
    {
        var dir = new DirectoryInfo(Path.GetDirectoryName(source)!);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Metropoli.slnx")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("Metropoli.slnx not found above " + source);
    }
}
