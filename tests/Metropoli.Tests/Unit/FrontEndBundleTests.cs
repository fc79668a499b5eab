using System.Text.RegularExpressions;

namespace Metropoli.Tests.Unit;

/// <summary>The pages load a Bootstrap Italia bundle of the components they use (src/Metropoli.Host/frontend,
/// ADR 0036). A page that starts using another component through its data attributes must find it in the bundle:
/// this test reads every page and view for data-bs-toggle and Bootstrap Italia's other data attributes.</summary>
public sealed partial class FrontEndBundleTests
{
    /// <summary>data-bs-toggle value (or data-bs-* attribute) → the Bootstrap Italia plugin that implements it.</summary>
    private static readonly Dictionary<string, string> Plugins = new()
    {
        ["navbarcollapsible"] = "navbar-collapsible.js",
        ["collapse"] = "collapse.js",
        ["dropdown"] = "dropdown.js",
        ["modal"] = "modal.js",
        ["tooltip"] = "tooltip.js",
        ["popover"] = "popover.js",
        ["tab"] = "tab.js",
        ["pill"] = "tab.js",
        ["offcanvas"] = "offcanvas.js",
        ["button"] = "button.js",
        ["data-bs-input"] = "input.js",
        ["data-bs-autocomplete"] = "input-search-autocomplete.js",
        ["data-bs-dismiss"] = "alert.js",
        ["data-bs-spy"] = "scrollspy.js",
        ["data-bs-ride"] = "carousel.js",
        ["data-bs-navscroll"] = "navscroll.js",
        ["data-bs-accordion"] = "accordion.js",
        ["data-bs-notification"] = "notification.js",
        ["data-bs-sticky"] = "sticky.js",
        ["data-bs-backtotop"] = "back-to-top.js",
    };

    // Attributes that only configure a component named by its toggle (target, parent, placement…).
    private static readonly HashSet<string> Options =
        ["data-bs-toggle", "data-bs-target", "data-bs-parent", "data-bs-placement", "data-bs-title", "data-bs-content",
         "data-bs-offset", "data-bs-backdrop", "data-bs-keyboard", "data-bs-trigger", "data-bs-delay", "data-bs-html",
         "data-bs-container", "data-bs-boundary", "data-bs-reference", "data-bs-display", "data-bs-auto-close", "data-bs-theme"];

    [GeneratedRegex(@"data-bs-toggle=""([a-z-]+)""")]
    private static partial Regex Toggle();

    [GeneratedRegex(@"\bdata-bs-[a-z-]+")]
    private static partial Regex Attribute();

    [GeneratedRegex(@"import\s+(?:\w+\s+from\s+)?'bootstrap-italia/dist/plugins/([a-z-]+\.js)'")]
    private static partial Regex Import();

    [Fact]
    public void Every_Bootstrap_Italia_component_the_pages_use_is_in_the_bundle()
    {
        var root = RepoRoot();
        var entry = File.ReadAllText(Path.Combine(root, "src", "Metropoli.Host", "frontend", "bootstrap-italia.light.js"));
        var imported = Import().Matches(entry).Select(m => m.Groups[1].Value).ToHashSet();
        Assert.Contains("navbar-collapsible.js", imported); // the header's menu: the test reads the right file

        var problems = new List<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(root, "src"), "*.*", SearchOption.AllDirectories)
                     .Where(f => f.EndsWith(".cshtml", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
                     .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}")))
        {
            var text = File.ReadAllText(file);
            var used = Toggle().Matches(text).Select(m => m.Groups[1].Value)
                .Concat(Attribute().Matches(text).Select(m => m.Value).Where(a => !Options.Contains(a)));
            foreach (var component in used.Distinct())
            {
                if (!Plugins.TryGetValue(component, out var plugin))
                {
                    problems.Add($"{Path.GetRelativePath(root, file)}: {component} is not a Bootstrap Italia component this test knows");
                }
                else if (!imported.Contains(plugin))
                {
                    problems.Add($"{Path.GetRelativePath(root, file)}: {component} needs {plugin}, which bootstrap-italia.light.js does not import");
                }
            }
        }
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    private static string RepoRoot([System.Runtime.CompilerServices.CallerFilePath] string source = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(source)!, "..", "..", ".."));
}
