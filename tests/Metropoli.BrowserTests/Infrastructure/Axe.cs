using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace Metropoli.BrowserTests.Infrastructure;

public sealed record AxeViolation(string Id, string? Impact, string Help, string HelpUrl, int Nodes, string[] Targets);

/// <summary>axe-core (the repository's devDependency) run against WCAG 2.0, 2.1 and 2.2 A and AA.</summary>
public static class Axe
{
    public static readonly string[] Tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

    private static readonly Lazy<string> LazyScript = new(Load);

    public static string Script => LazyScript.Value;

    public static async Task<IReadOnlyList<AxeViolation>> RunAsync(IPage page)
    {
        // Evaluated into a document when it is checked rather than as an init script into every document a
        // context opens: most navigations (list views, the steps of a flow) never run axe, and compiling and
        // starting its 560 kB would cost each of them. The DevTools protocol evaluates it outside the page's CSP.
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe?.run === 'function'"))
        {
            await page.EvaluateAsync(Script);
        }
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe?.run === 'function'"))
        {
            throw new InvalidOperationException($"axe-core did not load in {page.Url} (JavaScript off?).");
        }
        var json = await page.EvaluateAsync<JsonElement>(
            """
            async (tags) => {
              const r = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
              return r.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl, nodes: v.nodes.length,
                targets: v.nodes.slice(0, 3).map(n => n.target.join(' ') + (n.failureSummary ? ' — ' + n.failureSummary.replace(/\s+/g, ' ').slice(0, 200) : ''))
              }));
            }
            """, Tags);
        return json.Deserialize<AxeViolation[]>(new JsonSerializerOptions(JsonSerializerDefaults.Web)) ?? [];
    }

    public static string Describe(IEnumerable<AxeViolation> violations)
    {
        var sb = new StringBuilder();
        foreach (var v in violations)
        {
            sb.Append("    axe ").Append(v.Id).Append(" [").Append(v.Impact).Append("] ").Append(v.Help)
              .Append(" (").Append(v.Nodes).Append(" node(s)) ").AppendLine(v.HelpUrl);
            foreach (var t in v.Targets)
            {
                sb.Append("        ").AppendLine(t);
            }
        }
        return sb.ToString();
    }

    private static string Load()
    {
        var path = RepoPaths.AxeScript;
        if (!File.Exists(path))
        {
            // The web build runs npm ci when node_modules is missing; a test run on its own may not have.
            var psi = new ProcessStartInfo("npm", "ci --no-audit --no-fund") { WorkingDirectory = RepoPaths.Root };
            using var npm = Process.Start(psi) ?? throw new InvalidOperationException("npm did not start");
            npm.WaitForExit(TimeSpan.FromMinutes(5));
        }
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"axe-core not found at {path}: run 'npm ci' at the repository root.");
        }
        return File.ReadAllText(path);
    }
}
